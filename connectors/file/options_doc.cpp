#include "file/options_doc.hpp"

namespace hub::file {
namespace {

const char* TypeName(sdk::OptionType type) {
  switch (type) {
    case sdk::OptionType::kString:
      return "string";
    case sdk::OptionType::kInteger:
      return "integer";
    case sdk::OptionType::kBoolean:
      return "boolean";
    case sdk::OptionType::kPath:
      return "path";
    case sdk::OptionType::kSecret:
      return "secret";
    case sdk::OptionType::kDuration:
      return "duration";
  }
  return "string";
}

// Text inside a table cell: a pipe would end the cell.
std::string Cell(std::string_view text) {
  std::string cell;
  for (char c : text) {
    if (c == '|') cell += '\\';
    cell += c;
  }
  return cell;
}

}  // namespace

std::string RenderOptionsTable(const sdk::PluginDescription& description) {
  std::string table = "| name | type | default | required | description |\n| --- | --- | --- | --- | --- |\n";
  for (const sdk::OptionSpec& option : description.options) {
    table.append("| `").append(option.name).append("` | ").append(TypeName(option.type)).append(" | ");
    if (option.default_value) table.append("`").append(Cell(*option.default_value)).append("`");
    table.append(" | ").append(option.required ? "yes" : "no").append(" | ").append(Cell(option.description));
    table.append(" |\n");
  }
  return table;
}

}  // namespace hub::file
