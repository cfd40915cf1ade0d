// The conflict check of every new lead, whichever way it arrives (the intake API, a CSV or ODBC import):
// stored with the lead, so that the lead names its customer and remembers why.
#ifndef HUB_STORE_MODEL_LEAD_INTAKE_CHECK_HPP_
#define HUB_STORE_MODEL_LEAD_INTAKE_CHECK_HPP_

#include <cstdint>
#include <optional>

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/lead_conflicts.hpp"

namespace hub::store_model {

// Before a new lead's row: checks it (CheckLeadConflicts, on the row's normal forms and its normalized
// company name) and adds party_id (the known customer), duplicate_of_lead_id and conflict (the finding as
// JSON) to the row. A stored lead written again is not checked again: its finding stays. Threads: as the
// connection. Lifetime: the batch.
class LeadIntakeCheck : public EntityExtension {
 public:
  explicit LeadIntakeCheck(odbc::Connection& connection) : connection_(connection) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord&, std::int64_t, std::int64_t, bool) override {
    return sdk::Status::Ok();
  }

 private:
  odbc::Connection& connection_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_INTAKE_CHECK_HPP_
