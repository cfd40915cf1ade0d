#include "store/model/care_greetings.hpp"

#include <boost/json.hpp>

#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

boost::json::value JsonOrNull(const std::string& text) {
  return text.empty() ? boost::json::value(nullptr) : boost::json::value(text);
}

std::string OccasionKey(const Greeting& greeting) {
  return greeting.change == kCareBirthday ? std::string(kCareBirthday) : "holiday:" + greeting.holiday;
}

std::string Payload(const Greeting& greeting, const CareRecipient& recipient) {
  boost::json::object fields{
      {"occasion", greeting.change},
      {"holiday", JsonOrNull(greeting.holiday)},
      {"holiday_title", JsonOrNull(greeting.holiday_title)},
      {"date", greeting.date},
      {"year", greeting.year},
      {"party_id", recipient.party_id},
      {"contact_name", JsonOrNull(recipient.name)},
      {"family_name", JsonOrNull(recipient.family_name)},
      {"given_name", JsonOrNull(recipient.given_name)},
      {"email", recipient.email},
      {"birth_date", JsonOrNull(recipient.birth_date)},
      {"customer_party_id",
       recipient.customer_party_id ? boost::json::value(*recipient.customer_party_id) : boost::json::value(nullptr)},
      {"customer_name", JsonOrNull(recipient.customer_name)},
      {"owner_name", JsonOrNull(recipient.owner_name)},
      {"owner_email", JsonOrNull(recipient.owner_email)},
      {"job", greeting.job}};
  return boost::json::serialize(boost::json::object{{"fields", std::move(fields)}});
}

}  // namespace

sdk::Result<bool> AppendGreeting(odbc::Connection& connection, const odbc::OutboxTurn& turn, const Greeting& greeting,
                                 const CareRecipient& recipient) {
  sdk::Result<std::int64_t> added = ExecuteStoreStatement(
      connection,
      "INSERT INTO customer_care_sent (occasion, party_id, year, occasion_date, job) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (occasion, party_id, year) DO NOTHING",
      {Value::String(OccasionKey(greeting)), Value::Int64(recipient.party_id), Value::Int64(greeting.year),
       Value::Date(greeting.date), Value::String(greeting.job)});
  if (!added.ok()) return added.status();
  if (*added == 0) return false;
  HUB_RETURN_IF_ERROR(AppendOutboxEvent(connection, turn, kCareAggregate, recipient.party_id,
                                        std::string(kCareAggregate) + "." + std::string(greeting.change),
                                        Payload(greeting, recipient)));
  return true;
}

sdk::Result<std::optional<std::string>> ReadCareDayDone(odbc::Connection& connection, std::string_view job) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection, "SELECT day_done FROM customer_care_days WHERE job = ?", {Value::String(std::string(job))});
  if (!rows.ok()) return rows.status();
  if (rows->empty() || rows->front().front().is_null()) return std::optional<std::string>();
  return std::optional<std::string>(rows->front().front().text().substr(0, 10));
}

sdk::Status WriteCareDayDone(odbc::Connection& connection, std::string_view job, const std::string& day) {
  sdk::Result<std::int64_t> written = ExecuteStoreStatement(
      connection,
      "INSERT INTO customer_care_days (job, day_done, updated_at) VALUES (?, ?, {{now}}) "
      "ON CONFLICT (job) DO UPDATE SET day_done = excluded.day_done, updated_at = excluded.updated_at "
      "WHERE customer_care_days.day_done < excluded.day_done",
      {Value::String(std::string(job)), Value::Date(day)});
  return written.ok() ? sdk::Status::Ok() : written.status();
}

}  // namespace hub::store_model
