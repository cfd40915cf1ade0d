// Private to hub_mapping: source values to text, and text to the typed value a model field takes.
#ifndef HUB_SYNC_MAPPING_VALUE_CONVERSION_HPP_
#define HUB_SYNC_MAPPING_VALUE_CONVERSION_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/hub_config.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "sync/mapping/date_format.hpp"
#include "sync/mapping/number_format.hpp"

namespace hub::sync::mapping {

// Appends the text of `value` to `out`: strings, decimals and dates as they are, integers and doubles in
// decimal, booleans as true/false, timestamps as ISO 8601 UTC ("2023-01-05T14:30:00.000Z"), null as
// nothing.
void AppendSourceText(const sdk::Value& value, std::string* out);

// `text` in single quotes, cut to at most 80 bytes at a character boundary ("…" appended when cut), for
// messages.
std::string Quoted(std::string_view text);

// Reads text as one field type: dates and timestamps with date formats tried in order, numbers with a
// NumberReader, booleans from true/false, yes/no, y/n, 1/0, 是/否 (any case). A string field takes the text
// as it is, or the ISO date or canonical number when given date formats or a number format. Immutable
// after Create: thread-safe.
class ValueConverter {
 public:
  // Errors (InvalidArgument): a bad date format; date formats for a numeric or boolean field; a number
  // format for a date, timestamp or boolean field; both date formats and a number format.
  static sdk::Result<ValueConverter> Create(model::FieldType type, const std::vector<std::string>& date_formats,
                                            const std::optional<config::NumberFormatConfig>& number);

  model::FieldType type() const { return type_; }

  // True when `value` already has this field's type and needs no reading (typed values from ODBC sources).
  bool TakesAsIs(const sdk::Value& value) const;

  // The value `text` (non-empty) stands for; on failure false, with `problem` set to why, quoting the text
  // ("'2023/13/45' matches none of the date formats %Y-%m-%d").
  bool Convert(std::string text, sdk::Value* out, std::string* problem) const;

 private:
  enum class Reading { kText, kDate, kNumber, kBool };

  ValueConverter(model::FieldType type, Reading reading) : type_(type), reading_(reading), numbers_({}) {}

  bool ConvertDate(std::string_view text, sdk::Value* out, std::string* problem) const;
  bool ConvertNumber(std::string_view text, sdk::Value* out, std::string* problem) const;

  model::FieldType type_;
  Reading reading_;
  std::vector<DateFormat> dates_;
  NumberReader numbers_;
};

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_VALUE_CONVERSION_HPP_
