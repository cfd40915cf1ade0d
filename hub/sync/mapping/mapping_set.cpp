#include "sync/mapping/mapping_set.hpp"

#include <utility>

namespace hub::sync::mapping {

MappingSet::MappingSet(std::shared_ptr<const CompiledMapping> mapping) {
  if (mapping != nullptr) mappings_.push_back(std::move(mapping));
}

sdk::Result<MappingSet> MappingSet::Of(std::vector<std::shared_ptr<const CompiledMapping>> mappings) {
  MappingSet set;
  for (std::shared_ptr<const CompiledMapping>& mapping : mappings) {
    if (mapping == nullptr) continue;
    for (const std::shared_ptr<const CompiledMapping>& earlier : set.mappings_) {
      if (earlier->entity().name == mapping->entity().name) {
        return sdk::Status::InvalidArgument("two mappings for entity '" + std::string(mapping->entity().name) +
                                            "': a job holds at most one mapping per entity");
      }
    }
    set.mappings_.push_back(std::move(mapping));
  }
  return set;
}

const CompiledMapping* MappingSet::For(std::string_view entity) const {
  if (mappings_.size() == 1) return mappings_.front().get();
  for (const std::shared_ptr<const CompiledMapping>& mapping : mappings_) {
    if (mapping->entity().name == entity) return mapping.get();
  }
  return nullptr;
}

std::string MappingSet::EntityNames() const {
  std::string names;
  for (const std::shared_ptr<const CompiledMapping>& mapping : mappings_) {
    names += (names.empty() ? "" : ", ") + std::string(mapping->entity().name);
  }
  return names;
}

}  // namespace hub::sync::mapping
