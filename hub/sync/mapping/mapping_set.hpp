// The compiled mappings of one sync job, at most one per model entity, and which of them maps a record.
#ifndef HUB_SYNC_MAPPING_MAPPING_SET_HPP_
#define HUB_SYNC_MAPPING_MAPPING_SET_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync::mapping {

// A job's mappings. With one mapping, every record of the job is mapped with it, whatever its Record::entity
// says (a job of one mapping always worked so: the file connector names its records "party" unless told
// otherwise); with several, each record by the mapping of the model entity its Record::entity names, and a
// record of any other entity has none. Empty: the job has no mapping at all.
//
// A plain value, cheap to copy (the mappings are shared); thread-safe to read.
class MappingSet {
 public:
  MappingSet() = default;
  // A job of one mapping (implicit, as most jobs have one); a null mapping makes an empty set.
  MappingSet(std::shared_ptr<const CompiledMapping> mapping);  // NOLINT(google-explicit-constructor)

  // The set of `mappings`; InvalidArgument naming the entity when two map the same entity.
  static sdk::Result<MappingSet> Of(std::vector<std::shared_ptr<const CompiledMapping>> mappings);

  bool empty() const { return mappings_.empty(); }

  // The mapping of a record whose Record::entity is `entity` (see the class comment); nullptr when none.
  const CompiledMapping* For(std::string_view entity) const;

  // The entities mapped, in the set's order, separated by ", " (for messages).
  std::string EntityNames() const;

  const std::vector<std::shared_ptr<const CompiledMapping>>& mappings() const { return mappings_; }

 private:
  std::vector<std::shared_ptr<const CompiledMapping>> mappings_;
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_MAPPING_SET_HPP_
