// A customer-care job's occasions: its <birthday/> and <holiday> children, timezone= and days_ahead=.
#include <chrono>
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxDaysAhead = 30;

// "YYYY-MM-DD" naming a day of the calendar (no 2027-02-30).
bool IsIsoDate(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  const int year = std::stoi(std::string(text.substr(0, 4)));
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
  return std::chrono::year_month_day(std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)).ok();
}

// month= and day= of a holiday in its calendar, or date= alone.
void ReadHolidayDay(LoadContext& context, pugi::xml_node element, CareConfig::Holiday* holiday) {
  const bool chinese = holiday->calendar == CareConfig::Holiday::Calendar::kChinese;
  if (auto date = ReadAttribute(context, element, "date", Presence::kOptional)) {
    if (element.attribute("month") || element.attribute("day") || element.attribute("calendar")) {
      context.Error(date->location,
                    "<holiday> has date= and month=, day= or calendar=: a date is one gregorian "
                    "day; give it alone, or month= and day= for every year");
    } else if (!IsIsoDate(date->text)) {
      context.Error(date->location, "<holiday> attribute 'date': '" + date->shown + "' is not a date (YYYY-MM-DD)");
    } else {
      holiday->date = std::move(date->text);
    }
    return;
  }
  if (!element.attribute("month") || !element.attribute("day")) {
    context.Error(holiday->location, "<holiday name=\"" + holiday->name +
                                         "\"> needs month= and day= (every year), or date=\"YYYY-MM-DD\" (once)");
    return;
  }
  auto month = ReadInteger(context, element, "month", 1, 12);
  auto day = ReadInteger(context, element, "day", 1, chinese ? 30 : 31);
  if (!month || !day) return;
  holiday->month = static_cast<int>(*month);
  holiday->day = static_cast<int>(*day);
  if (!chinese && !std::chrono::month_day(std::chrono::month(static_cast<unsigned>(*month)),
                                          std::chrono::day(static_cast<unsigned>(*day)))
                       .ok()) {
    context.Error(holiday->location, "<holiday name=\"" + holiday->name + "\">: month " + std::to_string(*month) +
                                         " has no day " + std::to_string(*day));
  }
}

std::optional<CareConfig::Holiday> ReadHoliday(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element, {.attributes = {"name", "title", "calendar", "month", "day", "date"}});
  CareConfig::Holiday holiday;
  holiday.location = context.At(element);
  auto name = ReadIdentifier(context, element, "name");
  if (!name) return std::nullopt;
  holiday.name = std::move(*name);
  holiday.title = ReadString(context, element, "title", Presence::kOptional).value_or(holiday.name);
  if (auto calendar = ReadChoice(context, element, "calendar", {"gregorian", "chinese"})) {
    if (*calendar == "chinese") holiday.calendar = CareConfig::Holiday::Calendar::kChinese;
  }
  const std::size_t errors = context.error_count();
  ReadHolidayDay(context, element, &holiday);
  if (context.error_count() != errors) return std::nullopt;
  return holiday;
}

}  // namespace

void ReadCare(LoadContext& context, pugi::xml_node job, CareConfig* out) {
  if (auto zone = ReadString(context, job, "timezone", Presence::kOptional)) out->time_zone = std::move(*zone);
  if (auto ahead = ReadInteger(context, job, "days_ahead", 0, kMaxDaysAhead))
    out->days_ahead = static_cast<int>(*ahead);
  if (pugi::xml_node birthday = SingleChild(context, job, "birthday")) {
    CheckShape(context, birthday, {});
    out->birthdays = true;
  }
  UniqueNames names("<holiday> name");
  for (pugi::xml_node element : job.children("holiday")) {
    auto holiday = ReadHoliday(context, element);
    if (holiday && names.Add(context, holiday->name, holiday->location)) out->holidays.push_back(std::move(*holiday));
  }
  if (!out->birthdays && out->holidays.empty() && !job.child("holiday")) {
    context.Error(context.At(job),
                  "<job kind=\"customer_care\"> greets nothing: give it <birthday/>, one or more "
                  "<holiday name=\"...\" month=\"M\" day=\"D\"/>, or both "
                  "(docs/CONFIGURATION.md#customer-care)");
  }
}

}  // namespace hub::config
