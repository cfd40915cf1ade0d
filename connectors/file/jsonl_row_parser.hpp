// JSON Lines rows: one JSON object per line.
#ifndef HUB_CONNECTORS_FILE_JSONL_ROW_PARSER_HPP_
#define HUB_CONNECTORS_FILE_JSONL_ROW_PARSER_HPP_

#include <string>

#include "hub/files/row_parser.hpp"

namespace hub::file {

// Reads one JSON object per line; its members become fields in their order, typed: string, int64,
// double, bool, null; integers above the int64 range as decimal text; nested objects and arrays as their
// JSON text. A line that is not valid JSON, or holds something other than an object, is rejected.
class JsonlRowParser final : public files::RowParser {
 public:
  sdk::Status ReadPreamble(files::TextLines&) override { return sdk::Status::Ok(); }
  sdk::Status CheckFieldExists(std::string_view) const override { return sdk::Status::Ok(); }
  sdk::Result<bool> Next(files::TextLines& lines, sdk::Record* record, std::uint64_t* first_line) override;
  std::string_view raw() const override { return raw_; }
  bool IsBlank(std::string_view text) const override;

 private:
  std::string raw_;
};

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_JSONL_ROW_PARSER_HPP_
