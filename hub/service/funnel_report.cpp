#include "service/funnel_report.hpp"

#include <algorithm>
#include <map>
#include <utility>

#include "service/funnel_leads.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

constexpr double kMsPerDay = 86'400'000.0;
using leads::kSignedStep;

// The sums of one group while its leads are added.
class GroupTally {
 public:
  explicit GroupTally(const FunnelNorms& norms) : norms_(norms) {
    for (std::size_t step = 0; step < chances_.size(); ++step)
      chances_[step] = SigningChance(norms, static_cast<int>(step));
  }

  void Add(const FunnelLeadRow& row, std::int64_t now) {
    const leads::FunnelLead& lead = row.lead;
    StageSums& current = sums_[lead.stage];
    ++current.count;
    current.expected = current.expected + row.amount;
    const std::optional<int> step = FunnelStep(kFunnelStages[lead.stage]);
    if (step) current.weighted = current.weighted + row.amount * chances_[static_cast<std::size_t>(*step)];
    if (step && *step <= kSignedStep && lead.entered_ms &&
        (now - *lead.entered_ms) / kMsPerDay >
            norms_.DwellFor(lead.grade, lead.industry)[static_cast<std::size_t>(*step)]) {
      ++current.stalled;
    }
    std::array<bool, kFunnelStages.size()> entered{};
    for (std::size_t i = 0; i < lead.history.size(); ++i) {
      const leads::StageEntry& entry = lead.history[i];
      entered[entry.stage] = true;
      if (i + 1 < lead.history.size()) {
        sums_[entry.stage].dwell_ms += static_cast<double>(lead.history[i + 1].at_ms - entry.at_ms);
        ++sums_[entry.stage].stays_ended;
      }
    }
    int furthest = -1;
    for (const leads::StageEntry& entry : lead.history)
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

ExactDecimal SigningChance(const FunnelNorms& norms, int step) {
  const ExactDecimal percent = *ExactDecimal::Parse("0.01");
  ExactDecimal chance = *ExactDecimal::Parse("1");
  for (std::size_t s = static_cast<std::size_t>(std::max(step, 0)); s < norms.ideal_move_percent.size(); ++s) {
    chance = chance * *ExactDecimal::Parse(std::to_string(norms.ideal_move_percent[s])) * percent;
  }
  return chance;
}

sdk::Result<FunnelReport> ComputeFunnel(odbc::Connection& connection, const FunnelNorms& norms, const Clock& clock) {
  sdk::Result<std::vector<FunnelLeadRow>> leads = ReadFunnelLeads(connection);
  if (!leads.ok()) return leads.status();
  auto employees = Names(connection,
                         "SELECT id, employee_number, name FROM employees WHERE id IN "
                         "(SELECT owner_employee_id FROM leads)");
  if (!employees.ok()) return employees.status();
  auto teams = Names(connection, "SELECT id, code, name FROM teams WHERE id IN (SELECT team_id FROM leads)");
  if (!teams.ok()) return teams.status();
  // One reading of the clock for the figures and the alerts both.
  const ManualClock as_of(clock.Now());
  const std::int64_t now_ms =
      std::chrono::duration_cast<std::chrono::milliseconds>(as_of.Now().time_since_epoch()).count();
  GroupTally total(norms);
  std::map<std::int64_t, GroupTally> by_owner, by_team;
  for (const FunnelLeadRow& lead : *leads) {
    total.Add(lead, now_ms);
    if (lead.lead.owner_id) by_owner.try_emplace(*lead.lead.owner_id, norms).first->second.Add(lead, now_ms);
    if (lead.team_id) by_team.try_emplace(*lead.team_id, norms).first->second.Add(lead, now_ms);
  }
  const std::vector<leads::FunnelLead> facts = FactsOf(*leads);
  std::map<std::int64_t, leads::PersonFunnel> people;
  for (leads::PersonFunnel& person : leads::PersonFunnels(facts)) people[person.employee_id] = std::move(person);
  FunnelReport report;
  report.as_of = as_of.Now();
  report.alerts = leads::EvaluateFunnelAlerts(facts, norms, as_of);
  report.total.stages = total.Figures();
  for (const auto& [id, tally] : by_owner) {
    FunnelGroup group;
    group.owner_employee_id = id;
    std::tie(group.owner_employee_number, group.owner_name) = (*employees)[id];
    group.stages = tally.Figures();
    group.person = people[id];
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
