#include "care/care_run.hpp"

#include <algorithm>

#include "hub/odbc/transaction.hpp"
#include "store/model/care_greetings.hpp"
#include "store/model/care_recipients.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::care {
namespace {

// One greeting due on a day, and whom it goes to: those born on one of `birth_month_days` (a birthday), or
// every recipient (a holiday: the list is empty).
struct Due {
  store_model::Greeting greeting;
  std::vector<std::string> birth_month_days;
};

// The greetings a run owes on local day `day`: the occasions falling `days_ahead` days later.
sdk::Result<std::vector<Due>> DueOn(const CarePlan& plan, Day day) {
  const Day occasion = day + std::chrono::days(plan.days_ahead);
  std::vector<Due> due;
  if (plan.birthdays) {
    due.push_back({{store_model::kCareBirthday, {}, {}, IsoDate(occasion), YearOf(occasion), plan.job},
                   BirthdayMonthDays(occasion)});
  }
  for (const Holiday& holiday : plan.holidays) {
    sdk::Result<bool> falls = HolidayFallsOn(holiday, occasion);
    if (!falls.ok()) return falls.status().WithContext("holiday '" + holiday.name + "'");
    if (*falls) {
      due.push_back(
          {{store_model::kCareHoliday, holiday.name, holiday.title, IsoDate(occasion), YearOf(occasion), plan.job},
           {}});
    }
  }
  return due;
}

// Appends `due` to each of its recipients, a page of them per transaction.
sdk::Status Greet(odbc::Connection& connection, const Due& due, const CarePlan& plan,
                  const std::function<sdk::Status()>& renew, const CancellationToken& cancel, CareCounts* counts) {
  std::int64_t after = 0;
  while (true) {
    if (cancel.Cancelled()) return sdk::Status::Cancelled("the customer-care run was cancelled");
    HUB_RETURN_IF_ERROR(renew());
    // Read before the transaction: on SQLite a transaction that reads and then writes can find another writer
    // ahead of it and fail at once, where one that writes first waits its turn.
    sdk::Result<std::vector<store_model::CareRecipient>> page =
        store_model::ReadCareRecipients(connection, due.birth_month_days, after, plan.batch_size);
    if (!page.ok()) return page.status();
    if (page->empty()) return sdk::Status::Ok();
    sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
    if (!transaction.ok()) return transaction.status();
    sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
    if (!turn.ok()) return turn.status();
    CareCounts page_counts;
    for (const store_model::CareRecipient& recipient : *page) {
      sdk::Result<bool> appended = store_model::AppendGreeting(connection, *turn, due.greeting, recipient);
      if (!appended.ok()) return appended.status();
      ++(*appended ? page_counts.greetings : page_counts.already_sent);
    }
    HUB_RETURN_IF_ERROR(transaction->Commit());
    counts->greetings += page_counts.greetings;
    counts->already_sent += page_counts.already_sent;
    if (page->size() < plan.batch_size) return sdk::Status::Ok();
    after = page->back().party_id;
  }
}

sdk::Status Run(odbc::Database& store, const CarePlan& plan, const Clock& clock,
                const std::function<sdk::Status()>& renew, const CancellationToken& cancel, CareCounts* counts) {
  sdk::Result<Day> today = LocalDay(clock.Now(), plan.time_zone);
  if (!today.ok()) return today.status();
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  odbc::Connection& connection = lease->get();
  sdk::Result<std::optional<std::string>> done = store_model::ReadCareDayDone(connection, plan.job);
  if (!done.ok()) return done.status();
  for (Day day : DaysToGreet(*done ? ParseIsoDate(**done) : std::nullopt, *today)) {
    sdk::Result<std::vector<Due>> due = DueOn(plan, day);
    if (!due.ok()) return due.status();
    for (const Due& each : *due) HUB_RETURN_IF_ERROR(Greet(connection, each, plan, renew, cancel, counts));
    HUB_RETURN_IF_ERROR(store_model::WriteCareDayDone(connection, plan.job, IsoDate(day)));
    ++counts->days;
  }
  return sdk::Status::Ok();
}

}  // namespace

std::vector<Day> DaysToGreet(std::optional<Day> done, Day today) {
  if (!done || *done >= today) return {today};
  std::vector<Day> days;
  for (Day day = std::max(*done + std::chrono::days(1), today - std::chrono::days(kMaxCatchUpDays - 1)); day <= today;
       day += std::chrono::days(1)) {
    days.push_back(day);
  }
  return days;
}

CareRunResult RunCustomerCare(odbc::Database& store, const CarePlan& plan, const Clock& clock,
                              const std::function<sdk::Status()>& renew, const CancellationToken& cancel) {
  CareRunResult result;
  result.status = Run(store, plan, clock, renew, cancel, &result.counts);
  return result;
}

}  // namespace hub::care
