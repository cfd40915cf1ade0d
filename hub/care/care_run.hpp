// One run of a customer-care job: the greetings of each local day since the job's last, appended to the store.
#ifndef HUB_CARE_CARE_RUN_HPP_
#define HUB_CARE_CARE_RUN_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "care/occasion.hpp"
#include "common/cancellation.hpp"
#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::care {

// The most days a run greets: after a longer downtime the days before the last week are not greeted.
inline constexpr int kMaxCatchUpDays = 7;

// What a customer-care job greets (built from its configuration). A constant once built.
struct CarePlan {
  std::string job;
  bool birthdays = false;
  std::vector<Holiday> holidays;
  std::string time_zone = "UTC";  // whose local day is "today"
  int days_ahead = 0;             // a day's run greets the occasions this many days later
  std::size_t batch_size = 500;   // recipients per store transaction
};

struct CareCounts {
  int days = 0;                   // local days greeted
  std::int64_t greetings = 0;     // events appended
  std::int64_t already_sent = 0;  // greetings found appended before (a rerun, another hub)
};

struct CareRunResult {
  CareCounts counts;
  sdk::Status status;  // Cancelled when cancelled between transactions
};

// The local days a run on `today` greets, oldest first: the days after `done` (the last day done) up to today,
// at most kMaxCatchUpDays of them; today alone before the first run, or when `done` is today or later (a
// rerun greets today's new recipients). Pure.
std::vector<Day> DaysToGreet(std::optional<Day> done, Day today);

// Runs `plan` once for the local day of `clock`'s now in its time zone: for each day of DaysToGreet, each of
// its occasions falling `days_ahead` days later (birthdays, holidays: HolidayFallsOn) is appended for every
// recipient (store_model::ReadCareRecipients: for a birthday those born on that month and day,
// BirthdayMonthDays; for a holiday all of them) through store_model::AppendGreeting, `batch_size` recipients
// per transaction holding the outbox writers' turn; then the day is recorded as done. Each greeting is
// appended once per occasion, person and year whatever runs again. `renew` is called before each transaction
// (a job's lease: a failure stops the run with its Status). Threads: any; one run of a job at a time is the
// caller's concern (other runs only find their greetings appended). Lifetime: `store` and `clock` outlive the
// call. Errors: the store's Status; InvalidArgument for an unknown time zone.
CareRunResult RunCustomerCare(odbc::Database& store, const CarePlan& plan, const Clock& clock,
                              const std::function<sdk::Status()>& renew, const CancellationToken& cancel);

}  // namespace hub::care

#endif  // HUB_CARE_CARE_RUN_HPP_
