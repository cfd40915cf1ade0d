#include "store/model/quarantine_query.hpp"

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

std::string TextOf(const Value& value) { return value.is_null() ? std::string() : value.text(); }

}  // namespace

std::string QuarantineFilter::ToString() const {
  std::string text;
  auto add = [&](const std::string& name, const std::string& value) {
    if (!value.empty()) text += (text.empty() ? "" : " ") + name + "=" + value;
  };
  add("job", job);
  add("entity", entity);
  add("status", status);
  add("reason-contains", reason_contains);
  add("id", id ? std::to_string(*id) : std::string());
  return text.empty() ? "all" : text;
}

sdk::Result<std::vector<QuarantineEntry>> SelectQuarantine(odbc::Connection& connection,
                                                           const QuarantineFilter& filter) {
  // One statement for every combination of filters: an empty one matches everything.
  auto rows = QueryStoreRows(
      connection,
      "SELECT id, job, status, cause, entity, source_id, source_position, reason, occurrences, created_at, "
      "last_seen_at, awaits_entity, awaits_key, awaits_system FROM quarantine WHERE resolved_at IS NULL "
      "AND (? = '' OR job = ?) AND (? = '' OR entity = ?) AND (? = '' OR status = ?) AND (? = 0 OR id = ?) "
      "ORDER BY id",
      {Value::String(filter.job), Value::String(filter.job), Value::String(filter.entity), Value::String(filter.entity),
       Value::String(filter.status), Value::String(filter.status), Value::Int64(filter.id.value_or(0)),
       Value::Int64(filter.id.value_or(0))});
  if (!rows.ok()) return rows.status();
  std::vector<QuarantineEntry> entries;
  for (const odbc::Row& row : *rows) {
    QuarantineEntry entry;
    entry.id = row[0].integer();
    entry.job = TextOf(row[1]);
    entry.status = TextOf(row[2]);
    entry.cause = TextOf(row[3]);
    entry.entity = TextOf(row[4]);
    entry.source_id = TextOf(row[5]);
    entry.position = TextOf(row[6]);
    entry.reason = TextOf(row[7]);
    entry.occurrences = row[8].integer();
    entry.first_seen = row[9];
    entry.last_seen = row[10];
    if (!filter.reason_contains.empty() && entry.reason.find(filter.reason_contains) == std::string::npos) continue;
    if (entry.status == "pending") {
      entry.awaits = TextOf(row[11]) + " '" + TextOf(row[12]) + "'" +
                     (row[13].is_null() ? std::string() : " of " + TextOf(row[13]));
    }
    entries.push_back(std::move(entry));
  }
  return entries;
}

sdk::Result<std::optional<ReplayableEntry>> LoadReplayable(odbc::Connection& connection, std::int64_t id) {
  auto rows =
      QueryStoreRows(connection, "SELECT job, cause, raw_record FROM quarantine WHERE id = ? AND resolved_at IS NULL",
                     {Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<ReplayableEntry>();
  const odbc::Row& row = rows->front();
  return std::optional<ReplayableEntry>(ReplayableEntry{id, TextOf(row[0]), TextOf(row[1]), TextOf(row[2])});
}

}  // namespace hub::store_model
