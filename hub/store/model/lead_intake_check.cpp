#include "store/model/lead_intake_check.hpp"

#include <string>
#include <string_view>

#include "model/normalize.hpp"

namespace hub::store_model {
namespace {

// The text `row` writes to `column`; empty when it writes none or null.
std::string Written(const RowValues& row, std::string_view column) {
  for (std::size_t i = 0; i < row.columns.size(); ++i) {
    if (row.columns[i] == column) return row.values[i].is_null() ? std::string() : row.values[i].text();
  }
  return {};
}

}  // namespace

sdk::Status LeadIntakeCheck::BeforeRow(const model::MappedRecord&, std::optional<std::int64_t> row_id, RowValues& row) {
  if (row_id) return sdk::Status::Ok();
  LeadKeys keys{Written(row, "tax_id_normalized"), Written(row, "phone_e164"),
                Written(row, "mobile_e164"),       Written(row, "email_normalized"),
                Written(row, "website_host"),      model::NormalizeName(Written(row, "company_name"))};
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
