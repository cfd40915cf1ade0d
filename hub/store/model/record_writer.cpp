#include "store/model/record_writer.hpp"

#include "store/model/entity_behaviour.hpp"

namespace hub::store_model {

sdk::Result<WriteOutcome> RecordWriter::Write(const model::MappedRecord& record) {
  switch (BehaviourOf(*record.entity).writer) {
    case WriterKind::kParty:
      return parties_.Write(record);
    case WriterKind::kGeneric:
      break;
  }
  return entities_.Write(record);
}

}  // namespace hub::store_model
