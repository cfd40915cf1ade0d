#include "store/model/lead_intake_check.hpp"

#include "model/normalize.hpp"

namespace hub::store_model {

sdk::Status LeadIntakeCheck::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues& row) {
  if (row_id) return sdk::Status::Ok();
  LeadKeys keys{row.Written("tax_id_normalized"), row.Written("phone_e164"),
                row.Written("mobile_e164"),       row.Written("email_normalized"),
                row.Written("website_host"),      model::NormalizeName(row.Written("company_name"))};
  sdk::Result<LeadConflict> conflict = CheckLeadConflicts(connection_, keys);
  if (!conflict.ok()) return conflict.status();
  auto id = [](const std::optional<std::int64_t>& value) {
    return value ? sdk::Value::Int64(*value) : sdk::Value::Null();
  };
  row.Add("party_id", id(conflict->party_id));
  row.Add("duplicate_of_lead_id", id(conflict->duplicate_of_lead_id));
  row.Add("conflict", sdk::Value::String(conflict->ToJson()));
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
