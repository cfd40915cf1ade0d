// Several extensions of one entity's writer, called as one: an activity's attribution and its attachments.
#ifndef HUB_STORE_MODEL_EXTENSION_CHAIN_HPP_
#define HUB_STORE_MODEL_EXTENSION_CHAIN_HPP_

#include <memory>
#include <utility>
#include <vector>

#include "store/model/entity_extension.hpp"

namespace hub::store_model {

// Calls each of `parts` in order, BeforeRow and AfterRow alike, and stops at the first error, which it
// answers. Threads and lifetime: as its parts, which it owns.
class ExtensionChain : public EntityExtension {
 public:
  explicit ExtensionChain(std::vector<std::unique_ptr<EntityExtension>> parts) : parts_(std::move(parts)) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id,
                        RowValues& row) override {
    for (const std::unique_ptr<EntityExtension>& part : parts_)
      HUB_RETURN_IF_ERROR(part->BeforeRow(record, row_id, row));
    return sdk::Status::Ok();
  }

  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override {
    for (const std::unique_ptr<EntityExtension>& part : parts_) {
      HUB_RETURN_IF_ERROR(part->AfterRow(record, row_id, link_id, shared_row));
    }
    return sdk::Status::Ok();
  }

 private:
  std::vector<std::unique_ptr<EntityExtension>> parts_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_EXTENSION_CHAIN_HPP_
