// The model a match run keeps in the store for matching on arrival (store/model/match_models.hpp), as JSON: the
// Fellegi-Sunter weights, the term frequencies of the names seen more than once, and the source priority its
// golden records were chosen with.
#ifndef HUB_GOLDEN_ARRIVAL_MODEL_HPP_
#define HUB_GOLDEN_ARRIVAL_MODEL_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "matching/fellegi_sunter.hpp"

namespace hub::golden {

// What matching on arrival scores and chooses with.
struct ArrivalModel {
  matching::FellegiSunterModel model;
  matching::TermFrequencies frequencies;     // restored: a name it lacks counts as seen once
  std::vector<std::string> source_priority;  // survivorship, the most trusted first
};

// {"prior", "m": [[per level] per field], "u", "frequencies": {field: {"total", "common": [[value, count]]}},
// "source_priority": [...]}: the frequencies of the fields adjusted by them, values seen at least twice. The same
// inputs give the same text, so a run that learned the same model writes nothing. Pure function.
std::string ArrivalModelJson(const matching::FellegiSunterModel& model, const matching::TermFrequencies& frequencies,
                             const std::vector<std::string>& source_priority);

// ArrivalModelJson's text read back. Errors: InvalidArgument when it is not such a document.
sdk::Result<ArrivalModel> ParseArrivalModel(std::string_view json);

}  // namespace hub::golden

#endif  // HUB_GOLDEN_ARRIVAL_MODEL_HPP_
