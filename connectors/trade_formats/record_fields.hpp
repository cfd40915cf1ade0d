// Small helpers for the fields of sdk::Records, shared by the readers and writers.
#ifndef HUB_TRADE_FORMATS_RECORD_FIELDS_HPP_
#define HUB_TRADE_FORMATS_RECORD_FIELDS_HPP_

#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"

namespace hub::trade_formats {

// Appends a string field when `text` is not empty, built in place (one copy of the name and of the text).
void SetText(sdk::Record* record, std::string_view name, std::string_view text);
// The text of the first field of that name (string, decimal or date), or "" when there is none.
std::string_view FieldText(const sdk::Record& record, std::string_view name);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_RECORD_FIELDS_HPP_
