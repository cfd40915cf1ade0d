#include "common/options_doc.hpp"

#include <fstream>
#include <sstream>

namespace hub::connectors {
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

std::optional<std::string> ExtractOptionsTable(std::string_view readme) {
  const std::size_t begin = readme.find(kOptionsBeginMarker);
  if (begin == std::string_view::npos) return std::nullopt;
  const std::size_t from = begin + kOptionsBeginMarker.size();
  const std::size_t to = readme.find(kOptionsEndMarker, from);
  if (to == std::string_view::npos) return std::nullopt;
  return std::string(readme.substr(from, to - from));
}

std::optional<std::string> ReadOptionsTable(const std::filesystem::path& readme) {
  std::ifstream in(readme, std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream text;
  text << in.rdbuf();
  return ExtractOptionsTable(text.str());
}

}  // namespace hub::connectors
