// The files an activity carried (a mail's attachments) beyond its row: the rows of activity_attachments.
#ifndef HUB_STORE_MODEL_ACTIVITY_ATTACHMENTS_HPP_
#define HUB_STORE_MODEL_ACTIVITY_ATTACHMENTS_HPP_

#include <cstdint>
#include <optional>

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"

namespace hub::store_model {

// After an activity row is written, replaces its attachments when the mapping fills the `attachments` field
// (a field the mapping leaves out leaves the rows alone; a null value clears them unless another source
// shares the row): a JSON array of objects {"name", "content_type", "size", "sha256", "content_id",
// "inline"} — name, size (a non-negative integer) and sha256 (64 hex digits) required — one row each, in
// array order. A value that is not such an array is InvalidArgument naming the field (the record's fault,
// quarantined). A row just inserted has no attachments yet, so nothing is deleted first.
// Threads: as the connection. Lifetime: the batch.
class ActivityAttachments : public EntityExtension {
 public:
  explicit ActivityAttachments(odbc::Connection& connection) : connection_(connection) {}

  sdk::Status BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues&) override {
    new_row_ = !row_id.has_value();
    return sdk::Status::Ok();
  }
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  odbc::Connection& connection_;
  bool new_row_ = false;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ACTIVITY_ATTACHMENTS_HPP_
