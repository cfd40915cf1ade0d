// <code_tables>: value translations that mappings look codes up in (lookup="countries").
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

std::optional<CodeTableConfig::Entry> ReadEntry(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element, {.attributes = {"code", "value"}});
  auto code = ReadAttribute(context, element, "code", Presence::kRequired);
  auto value = ReadAttribute(context, element, "value", Presence::kRequired);
  if (code && code->text.empty()) {
    context.Error(code->location, "<entry> attribute 'code' is empty; an empty source value takes the default");
    return std::nullopt;
  }
  if (!code || !value) return std::nullopt;
  return CodeTableConfig::Entry{std::move(code->text), std::move(value->text), context.At(element)};
}

std::optional<CodeTableConfig> ReadTable(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element, {.attributes = {"name"}, .children = {"entry"}});
  CodeTableConfig table;
  table.location = context.At(element);
  auto name = ReadIdentifier(context, element, "name");
  UniqueNames codes("code");
  for (pugi::xml_node child : element.children("entry")) {
    auto entry = ReadEntry(context, child);
    if (entry && codes.Add(context, entry->code, entry->location)) table.entries.push_back(std::move(*entry));
  }
  if (!name) return std::nullopt;
  table.name = std::move(*name);
  return table;
}

// Where a field names a table that <code_tables> does not define.
void CheckLookups(LoadContext& context, const HubConfig& config, const MappingConfig& mapping) {
  for (const auto& field : mapping.fields) {
    if (field.lookup.empty() || config.FindCodeTable(field.lookup) != nullptr) continue;
    std::vector<std::string_view> known;
    for (const auto& table : config.code_tables) known.push_back(table.name);
    context.Error(field.location, "<field target=\"" + field.target + "\"> looks up unknown code table '" +
                                      field.lookup +
                                      "'; defined in <code_tables>: " + (known.empty() ? "(none)" : JoinNames(known)));
  }
}

}  // namespace

void ParseCodeTables(LoadContext& context, pugi::xml_node code_tables, std::vector<CodeTableConfig>* out) {
  CheckShape(context, code_tables, {.children = {"table"}});
  UniqueNames names("code table name");
  for (pugi::xml_node element : code_tables.children("table")) {
    auto table = ReadTable(context, element);
    if (table && names.Add(context, table->name, table->location)) out->push_back(std::move(*table));
  }
}

void CheckCodeTableReferences(LoadContext& context, const HubConfig& config) {
  for (const auto& job : config.jobs) {
    for (const MappingConfig& mapping : job.mappings) {
      // A mapping taken from a plugin's set may look up the set's own tables: checked when it is compiled.
      if (mapping.use.empty()) CheckLookups(context, config, mapping);
    }
  }
}

}  // namespace hub::config
