// Survivorship: which member's value a golden record takes for each field.
#ifndef HUB_GOLDEN_SURVIVORSHIP_HPP_
#define HUB_GOLDEN_SURVIVORSHIP_HPP_

#include <string>
#include <vector>

#include "matching/clustering.hpp"
#include "store/model/golden_records.hpp"
#include "store/model/party_profiles.hpp"

namespace hub::golden {

// For each of store_model::kGoldenFields that some of `members` has (non-empty), the value of the member that
// ranks first: by `source_priority` (the systems in order, unlisted ones after them), then the most recently
// updated (updated_at), then the most complete (most golden fields filled), then the oldest (lowest id). The
// rule recorded is the first of these that sets the winner apart from the best member holding another value
// (source_priority, recency, completeness, oldest), or only_value when the members that have the field agree.
// Pure function.
std::vector<store_model::GoldenValue> ChooseGoldenValues(const std::vector<const store_model::PartyProfile*>& members,
                                                         const std::vector<std::string>& source_priority);

// The golden records of `clusters` (ClusterLinks over records in the order of `parties`): every cluster of two
// or more parties (`parties` in id order, so that its members are ascending), its values chosen by ChooseGoldenValues.
// Pure function.
std::vector<store_model::GoldenRecord> GoldenRecordsOf(const matching::Clusters& clusters,
                                                       const std::vector<store_model::PartyProfile>& parties,
                                                       const std::vector<std::string>& source_priority);

}  // namespace hub::golden

#endif  // HUB_GOLDEN_SURVIVORSHIP_HPP_
