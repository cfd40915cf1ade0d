// Customer-care greetings as the store records them: each (occasion, person, year) once in
// customer_care_sent, with its event in the outbox, and the last day each customer-care job has done.
//
// The events' aggregate is `customer_care`, not `party`: a greeting is no change of the party, so a
// subscriber of party events never receives one, and <subscribe entity="customer_care"> receives every
// greeting. The aggregate id is the person's party id, so one person's greetings keep their order in a
// delivery lane.
#ifndef HUB_STORE_MODEL_CARE_GREETINGS_HPP_
#define HUB_STORE_MODEL_CARE_GREETINGS_HPP_

#include <optional>
#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/care_recipients.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The aggregate of the greeting events.
inline constexpr std::string_view kCareAggregate = "customer_care";
// The changes of kCareAggregate the store records (customer_care.birthday, customer_care.holiday).
inline constexpr std::string_view kCareBirthday = "birthday";
inline constexpr std::string_view kCareHoliday = "holiday";

// What one greeting is for.
struct Greeting {
  std::string_view change;    // kCareBirthday or kCareHoliday
  std::string holiday;        // holidays: its name ("spring_festival"); empty for a birthday
  std::string holiday_title;  // holidays: what it is called ("春节")
  std::string date;           // the occasion's day, "YYYY-MM-DD"
  int year = 0;               // the gregorian year of `date`: a person is greeted once per occasion and year
  std::string job;            // the customer-care job that greets
};

// Appends `greeting` to `recipient` unless it was appended before, in the caller's transaction, which holds the
// outbox writers' turn: a customer_care_sent row keyed by (occasion: "birthday" or "holiday:<name>", party,
// year) and, when that row is new, the event customer_care.<change> with the payload {"fields": {occasion,
// holiday, holiday_title, date, year, party_id, contact_name, family_name, given_name, email, birth_date,
// customer_party_id, customer_name, owner_name, owner_email, job}} (unknown values null). True when appended,
// false when the key was there (another run, or another hub, greeted already). Threads: as the connection.
// Errors: the driver's Status.
sdk::Result<bool> AppendGreeting(odbc::Connection& connection, const odbc::OutboxTurn& turn, const Greeting& greeting,
                                 const CareRecipient& recipient);

// The last local day ("YYYY-MM-DD") whose greetings `job` appended in full; nullopt before its first run.
// Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::optional<std::string>> ReadCareDayDone(odbc::Connection& connection, std::string_view job);

// Records `day` ("YYYY-MM-DD") as the last day `job` has done, in the caller's transaction (or on its own);
// an earlier day than the one recorded leaves it as it is.
// Threads: as the connection. Errors: the driver's Status.
sdk::Status WriteCareDayDone(odbc::Connection& connection, std::string_view job, const std::string& day);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_CARE_GREETINGS_HPP_
