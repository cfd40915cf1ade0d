#include "golden/survivorship.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <tuple>

namespace hub::golden {
namespace {

using store_model::PartyProfile;

// A member's standing for every field, best first when compared: the criteria in the order they apply.
struct Standing {
  const PartyProfile* party = nullptr;
  std::size_t priority = 0;    // its system's place in the priority list
  std::int64_t recency = 0;    // -updated_at
  std::int64_t emptiness = 0;  // -fields filled
  std::int64_t id = 0;
  auto Key() const { return std::tuple(priority, recency, emptiness, id); }
};

constexpr std::array<const char*, 4> kRules = {"source_priority", "recency", "completeness", "oldest"};

Standing StandingOf(const PartyProfile& party, const std::vector<std::string>& source_priority) {
  const auto listed = std::find(source_priority.begin(), source_priority.end(), party.source_system);
  const auto filled =
      std::count_if(party.fields.begin(), party.fields.end(), [](const std::string& value) { return !value.empty(); });
  return Standing{&party, static_cast<std::size_t>(listed - source_priority.begin()), -party.updated_at_ms,
                  -static_cast<std::int64_t>(filled), party.id};
}

// The first criterion on which `winner` ranks before `other`.
const char* DecidingRule(const Standing& winner, const Standing& other) {
  if (winner.priority != other.priority) return kRules[0];
  if (winner.recency != other.recency) return kRules[1];
  if (winner.emptiness != other.emptiness) return kRules[2];
  return kRules[3];
}

}  // namespace

std::vector<store_model::GoldenValue> ChooseGoldenValues(const std::vector<const PartyProfile*>& members,
                                                         const std::vector<std::string>& source_priority) {
  std::vector<Standing> ranked;
  ranked.reserve(members.size());
  for (const PartyProfile* member : members) ranked.push_back(StandingOf(*member, source_priority));
  std::sort(ranked.begin(), ranked.end(), [](const Standing& a, const Standing& b) { return a.Key() < b.Key(); });
  std::vector<store_model::GoldenValue> values;
  for (std::string_view field : store_model::kGoldenFields) {
    const Standing* winner = nullptr;
    const Standing* rival = nullptr;
    for (const Standing& standing : ranked) {
      const std::string& value = standing.party->Field(field);
      if (value.empty()) continue;
      if (winner == nullptr) {
        winner = &standing;
      } else if (value != winner->party->Field(field)) {
        rival = &standing;
        break;
      }
    }
    if (winner == nullptr) continue;
    values.push_back(store_model::GoldenValue{std::string(field), winner->party->Field(field), winner->party->id,
                                              winner->party->source_system,
                                              rival == nullptr ? "only_value" : DecidingRule(*winner, *rival)});
  }
  return values;
}

std::vector<store_model::GoldenRecord> GoldenRecordsOf(const matching::Clusters& clusters,
                                                       const std::vector<store_model::PartyProfile>& parties,
                                                       const std::vector<std::string>& source_priority) {
  std::map<std::uint32_t, std::vector<const store_model::PartyProfile*>> members;
  for (std::uint32_t i = 0; i < clusters.cluster_of.size(); ++i) members[clusters.cluster_of[i]].push_back(&parties[i]);
  std::vector<store_model::GoldenRecord> records;
  for (const auto& [cluster, parties_of] : members) {
    if (parties_of.size() < 2) continue;
    store_model::GoldenRecord record;
    for (const store_model::PartyProfile* party : parties_of) record.members.push_back(party->id);
    record.values = ChooseGoldenValues(parties_of, source_priority);
    records.push_back(std::move(record));
  }
  return records;
}

}  // namespace hub::golden
