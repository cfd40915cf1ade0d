#include "store/model/activity_attribution.hpp"

#include <algorithm>
#include <cctype>
#include <string>

namespace hub::store_model {
namespace {

using sdk::Value;

// The position of `column` in `row`, or row.columns.size() when the row does not write it.
std::size_t ColumnIndex(const RowValues& row, std::string_view column) {
  return static_cast<std::size_t>(std::find(row.columns.begin(), row.columns.end(), column) - row.columns.begin());
}

// The text `row` writes to `column`; empty when it writes none or null.
std::string RowText(const RowValues& row, std::string_view column) {
  const std::size_t at = ColumnIndex(row, column);
  return at == row.columns.size() || row.values[at].is_null() ? std::string() : row.values[at].text();
}

// Makes `row` write `value` to `column`, in place of what it wrote there.
void SetColumn(RowValues& row, std::string_view column, Value value) {
  const std::size_t at = ColumnIndex(row, column);
  if (at == row.columns.size()) return row.Add(column, std::move(value));
  row.values[at] = std::move(value);
  row.expressions[at] = "?";
}

// A domain as the look-up compares it: trimmed, lower case, without a trailing dot.
std::string DomainKey(const Value& domain) {
  if (domain.is_null()) return {};
  std::string text = domain.text();
  const auto blank = [](unsigned char c) { return std::isspace(c) != 0; };
  text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), blank));
  text.erase(std::find_if_not(text.rbegin(), text.rend(), blank).base(), text.end());
  if (!text.empty() && text.back() == '.') text.pop_back();
  std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
  return text;
}

}  // namespace

sdk::Status ActivityAttribution::BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t>,
                                           RowValues& row) {
  // The normal forms BuildEntityRow computed for the row's own columns.
  keys_ = AttributionKeys{RowText(row, "email_normalized"), DomainKey(record.ValueOrNull("web_domain")),
                          RowText(row, "phone_e164")};
  const Value* named = record.Find("party_source_id");
  if (named != nullptr && !named->is_null()) {
    const std::size_t at = ColumnIndex(row, "party_id");
    attribution_ = Attribution{at == row.columns.size() ? std::nullopt : std::optional(row.values[at].integer()),
                               PartyMatch::kSource};
  } else {
    sdk::Result<Attribution> found = AttributeParty(connection_, keys_);
    if (!found.ok()) return found.status();
    attribution_ = *found;
    SetColumn(row, "party_id", attribution_.party_id ? Value::Int64(*attribution_.party_id) : Value::Null());
  }
  SetColumn(row, "party_match", Value::String(std::string(PartyMatchName(attribution_.match))));
  return sdk::Status::Ok();
}

sdk::Status ActivityAttribution::AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t, bool) {
  return follow_ups_.After(record, row_id, attribution_, keys_);
}

}  // namespace hub::store_model
