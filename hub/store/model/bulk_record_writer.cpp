#include "store/model/bulk_record_writer.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

#include "store/model/entity_behaviour.hpp"

namespace hub::store_model {

sdk::Result<std::vector<InsertedParty>> BulkRecordWriter::Insert(
    const std::vector<const model::MappedRecord*>& records) {
  // The positions of each entity's records, the entities in order of first appearance.
  std::vector<std::pair<std::string_view, std::vector<std::size_t>>> by_entity;
  for (std::size_t i = 0; i < records.size(); ++i) {
    const std::string_view name = records[i]->entity->name;
    auto group = std::find_if(by_entity.begin(), by_entity.end(), [&](const auto& each) { return each.first == name; });
    if (group == by_entity.end()) group = by_entity.insert(by_entity.end(), {name, {}});
    group->second.push_back(i);
  }
  std::vector<InsertedParty> inserted(records.size());
  for (const auto& [name, positions] : by_entity) {
    std::vector<const model::MappedRecord*> group;
    for (std::size_t i : positions) group.push_back(records[i]);
    const bool party = BehaviourOf(*group.front()->entity).writer == WriterKind::kParty;
    sdk::Result<std::vector<InsertedParty>> written = party ? parties_.Insert(group) : entities_.Insert(group);
    if (!written.ok()) return written.status();
    for (std::size_t k = 0; k < positions.size(); ++k) inserted[positions[k]] = std::move((*written)[k]);
  }
  return inserted;
}

}  // namespace hub::store_model
