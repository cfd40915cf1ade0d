#include "service/funnel_report.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "hub/odbc/timestamp_text.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

using sdk::Value;

constexpr double kMsPerDay = 86'400'000.0;
constexpr int kSignedStep = 5;

// An instant column's value in ms since the epoch: a timestamp, or its text on a driver that reports text.
std::optional<std::int64_t> InstantOf(const Value& value) {
  if (value.is_null()) return std::nullopt;
  if (value.type() == sdk::ValueType::kTimestamp) return value.integer();
  std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(value.text());
  return parsed ? std::optional<std::int64_t>(odbc::UnixMs(*parsed)) : std::nullopt;
}

std::size_t StageIndex(std::string_view stage) {
  return static_cast<std::size_t>(std::find(kFunnelStages.begin(), kFunnelStages.end(), stage) - kFunnelStages.begin());
}

struct Entry {
  std::size_t stage;  // index in kFunnelStages
  std::int64_t at;
};

struct Lead {
  std::size_t stage = 0;
  std::optional<std::int64_t> entered_at;
  ExactDecimal amount;
  std::optional<std::int64_t> owner, team;
  std::vector<Entry> history;  // in the order of changed_at, then id
};

// The sums of one group while its leads are added.
class GroupTally {
 public:
  explicit GroupTally(const FunnelNorms& norms) : norms_(norms) {
    for (std::size_t step = 0; step < chances_.size(); ++step)
      chances_[step] = norms.SigningChance(static_cast<int>(step));
  }

  void Add(const Lead& lead, std::int64_t now) {
    StageSums& current = sums_[lead.stage];
    ++current.count;
    current.expected = current.expected + lead.amount;
    const std::optional<int> step = FunnelStep(kFunnelStages[lead.stage]);
    if (step) current.weighted = current.weighted + lead.amount * chances_[static_cast<std::size_t>(*step)];
    const std::optional<double> ideal = IdealDwell(lead.stage);
    if (ideal && lead.entered_at && (now - *lead.entered_at) / kMsPerDay > *ideal) ++current.stalled;
    std::array<bool, kFunnelStages.size()> entered{};
    for (std::size_t i = 0; i < lead.history.size(); ++i) {
      const Entry& entry = lead.history[i];
      entered[entry.stage] = true;
      if (i + 1 < lead.history.size()) {
        sums_[entry.stage].dwell_ms += static_cast<double>(lead.history[i + 1].at - entry.at);
        ++sums_[entry.stage].stays_ended;
      }
    }
    int furthest = -1;
    for (const Entry& entry : lead.history)
      furthest = std::max(furthest, FunnelStep(kFunnelStages[entry.stage]).value_or(-1));
    for (std::size_t s = 0; s < kFunnelStages.size(); ++s) {
      if (!entered[s]) continue;
      ++sums_[s].entered;
      const std::optional<int> from = FunnelStep(kFunnelStages[s]);
      if (from && furthest > *from) ++sums_[s].moved_on;
    }
  }

  std::vector<StageFigures> Figures() const {
    std::vector<StageFigures> figures;
    for (std::size_t s = 0; s < kFunnelStages.size(); ++s) {
      const StageSums& sums = sums_[s];
      StageFigures stage;
      stage.stage = std::string(kFunnelStages[s]);
      stage.count = sums.count;
      stage.expected_revenue = sums.expected;
      stage.weighted_revenue = sums.weighted;
      stage.entered = sums.entered;
      stage.moved_on = sums.moved_on;
      if (sums.entered > 0) stage.conversion = static_cast<double>(sums.moved_on) / static_cast<double>(sums.entered);
      const std::optional<int> step = FunnelStep(kFunnelStages[s]);
      if (step && *step < static_cast<int>(norms_.ideal_move_percent.size())) {
        stage.ideal_conversion = norms_.ideal_move_percent[static_cast<std::size_t>(*step)] / 100.0;
      }
      if (sums.stays_ended > 0) stage.dwell_days = sums.dwell_ms / static_cast<double>(sums.stays_ended) / kMsPerDay;
      stage.ideal_dwell_days = IdealDwell(s);
      stage.stalled = sums.stalled;
      figures.push_back(std::move(stage));
    }
    return figures;
  }

 private:
  struct StageSums {
    std::int64_t count = 0, entered = 0, moved_on = 0, stalled = 0, stays_ended = 0;
    double dwell_ms = 0;
    ExactDecimal expected, weighted;
  };

  std::optional<double> IdealDwell(std::size_t stage) const {
    const std::optional<int> step = FunnelStep(kFunnelStages[stage]);
    if (!step || *step > kSignedStep) return std::nullopt;
    return norms_.ideal_dwell_days[static_cast<std::size_t>(*step)];
  }

  const FunnelNorms& norms_;
  std::array<ExactDecimal, 7> chances_;  // SigningChance of each step, resource (0) to implemented (6)
  std::array<StageSums, kFunnelStages.size()> sums_{};
};

sdk::Result<std::map<std::int64_t, Lead>> ReadLeads(odbc::Connection& connection) {
  sdk::Result<odbc::RowSet> leads = odbc::QueryCached(
      connection, "SELECT id, stage, stage_entered_at, estimated_amount, owner_employee_id, team_id FROM leads", {});
  if (!leads.ok()) return leads.status();
  std::map<std::int64_t, Lead> read;
  for (const odbc::Row& row : leads->rows) {
    Lead lead;
    lead.stage = StageIndex(row[1].text());
    if (lead.stage >= kFunnelStages.size()) continue;
    lead.entered_at = InstantOf(row[2]);
    lead.amount = DecimalOf(row[3]);
    if (!row[4].is_null()) lead.owner = row[4].integer();
    if (!row[5].is_null()) lead.team = row[5].integer();
    read.emplace(row[0].integer(), std::move(lead));
  }
  sdk::Result<odbc::RowSet> history = odbc::QueryCached(
      connection, "SELECT lead_id, to_stage, changed_at FROM lead_stage_history ORDER BY lead_id, changed_at, id", {});
  if (!history.ok()) return history.status();
  for (const odbc::Row& row : history->rows) {
    auto lead = read.find(row[0].integer());
    const std::size_t stage = StageIndex(row[1].text());
    const std::optional<std::int64_t> at = InstantOf(row[2]);
    if (lead != read.end() && stage < kFunnelStages.size() && at) lead->second.history.push_back({stage, *at});
  }
  return read;
}

// Each group's id with its two names: an employee's number and name, a team's code and name.
sdk::Result<std::map<std::int64_t, std::pair<std::string, std::string>>> Names(odbc::Connection& connection,
                                                                               const std::string& sql) {
  sdk::Result<odbc::RowSet> rows = odbc::QueryCached(connection, sql, {});
  if (!rows.ok()) return rows.status();
  std::map<std::int64_t, std::pair<std::string, std::string>> names;
  for (const odbc::Row& row : rows->rows) {
    names[row[0].integer()] = {row[1].is_null() ? "" : row[1].text(), row[2].is_null() ? "" : row[2].text()};
  }
  return names;
}

}  // namespace

std::optional<int> FunnelStep(std::string_view stage) {
  constexpr std::array<int, kFunnelStages.size()> kSteps = {0, 1, 2, 3, 4, 4, 5, 6, -1};
  const std::size_t index = StageIndex(stage);
  if (index >= kFunnelStages.size() || kSteps[index] < 0) return std::nullopt;
  return kSteps[index];
}

ExactDecimal FunnelNorms::SigningChance(int step) const {
  const ExactDecimal percent = *ExactDecimal::Parse("0.01");
  ExactDecimal chance = *ExactDecimal::Parse("1");
  for (std::size_t s = static_cast<std::size_t>(std::max(step, 0)); s < ideal_move_percent.size(); ++s) {
    chance = chance * *ExactDecimal::Parse(std::to_string(ideal_move_percent[s])) * percent;
  }
  return chance;
}

sdk::Result<FunnelReport> ComputeFunnel(odbc::Connection& connection, const FunnelNorms& norms,
                                        std::chrono::system_clock::time_point now) {
  sdk::Result<std::map<std::int64_t, Lead>> leads = ReadLeads(connection);
  if (!leads.ok()) return leads.status();
  auto employees = Names(connection,
                         "SELECT id, employee_number, name FROM employees WHERE id IN "
                         "(SELECT owner_employee_id FROM leads)");
  if (!employees.ok()) return employees.status();
  auto teams = Names(connection, "SELECT id, code, name FROM teams WHERE id IN (SELECT team_id FROM leads)");
  if (!teams.ok()) return teams.status();
  const std::int64_t now_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count();
  GroupTally total(norms);
  std::map<std::int64_t, GroupTally> by_owner, by_team;
  for (const auto& [id, lead] : *leads) {
    total.Add(lead, now_ms);
    if (lead.owner) by_owner.try_emplace(*lead.owner, norms).first->second.Add(lead, now_ms);
    if (lead.team) by_team.try_emplace(*lead.team, norms).first->second.Add(lead, now_ms);
  }
  FunnelReport report;
  report.total.stages = total.Figures();
  for (const auto& [id, tally] : by_owner) {
    FunnelGroup group;
    group.owner_employee_id = id;
    std::tie(group.owner_employee_number, group.owner_name) = (*employees)[id];
    group.stages = tally.Figures();
    report.owners.push_back(std::move(group));
  }
  for (const auto& [id, tally] : by_team) {
    FunnelGroup group;
    group.team_id = id;
    std::tie(group.team_code, group.team_name) = (*teams)[id];
    group.stages = tally.Figures();
    report.teams.push_back(std::move(group));
  }
  std::sort(report.owners.begin(), report.owners.end(), [](const FunnelGroup& a, const FunnelGroup& b) {
    return a.owner_employee_number < b.owner_employee_number;
  });
  std::sort(report.teams.begin(), report.teams.end(),
            [](const FunnelGroup& a, const FunnelGroup& b) { return a.team_code < b.team_code; });
  return report;
}

}  // namespace hub::service
