#include "config/config_loader.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <string_view>
#include <system_error>

#include "config/element_reader.hpp"
#include "config/sections.hpp"
#include "config/xml_document.hpp"

namespace hub::config {
namespace {

struct Section {
  std::string_view name;
  bool required;
  std::function<void(pugi::xml_node)> parse;
};

bool IsInstanceName(std::string_view name) {
  return !name.empty() && std::all_of(name.begin(), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

void ReadInstanceName(LoadContext& context, pugi::xml_node root, HubConfig* config) {
  auto name = ReadAttribute(context, root, "name", Presence::kOptional);
  if (!name) return;
  if (!IsInstanceName(name->text)) {
    context.Error(name->location,
                  "<hub> attribute 'name': '" + name->shown + "' is not a name (letters, digits, _ - . only)");
    return;
  }
  config->instance_name = std::move(name->text);
}

// The lambdas copy `config` (a pointer): the parameter itself is gone once this returns.
std::vector<Section> SectionsOf(LoadContext& context, HubConfig* config) {
  return {
      {"store", true, [&context, config](pugi::xml_node node) { ParseStore(context, node, &config->store); }},
      {"plugins", true, [&context, config](pugi::xml_node node) { ParsePlugins(context, node, config); }},
      {"runtime", false, [&context, config](pugi::xml_node node) { ParseRuntime(context, node, &config->runtime); }},
      {"logging", false, [&context, config](pugi::xml_node node) { ParseLogging(context, node, &config->logging); }},
      {"api", false, [&context, config](pugi::xml_node node) { ParseApi(context, node, &config->api); }},
      {"connectors", false,
       [&context, config](pugi::xml_node node) { ParseConnectors(context, node, &config->connectors); }},
      {"jobs", false, [&context, config](pugi::xml_node node) { ParseJobs(context, node, &config->jobs); }},
      {"code_tables", false,
       [&context, config](pugi::xml_node node) { ParseCodeTables(context, node, &config->code_tables); }},
      {"leads", false, [&context, config](pugi::xml_node node) { ParseLeads(context, node, &config->leads); }},
  };
}

void ParseRoot(LoadContext& context, pugi::xml_node root, HubConfig* config) {
  if (std::string_view(root.name()) != "hub") {
    context.Error(context.At(root), "the root element must be <hub>, not " + Tag(root));
    return;
  }
  std::vector<Section> sections = SectionsOf(context, config);
  std::vector<std::string_view> names;
  names.reserve(sections.size());
  for (const auto& section : sections) names.push_back(section.name);
  CheckShape(context, root, {.attributes = {"name"}, .children = names});
  ReadInstanceName(context, root, config);
  for (const auto& section : sections) {
    if (pugi::xml_node node = SingleChild(context, root, section.name)) {
      section.parse(node);
    } else if (section.required) {
      context.Error(context.At(root), "<hub> needs a <" + std::string(section.name) + "> section");
    }
  }
}

void CheckJobConnectors(LoadContext& context, const HubConfig& config) {
  for (const auto& job : config.jobs) {
    const bool store_only = job.kind == JobKind::kCustomerCare || job.kind == JobKind::kMatch ||
                            job.kind == JobKind::kFunnelAlerts || job.kind == JobKind::kLeadSla;
    if (store_only || config.FindConnector(job.connector) != nullptr) continue;
    std::vector<std::string_view> known;
    for (const auto& connector : config.connectors) known.push_back(connector.name);
    context.Error(job.location, "job '" + job.name + "' names unknown connector '" + job.connector +
                                    "'; defined connectors: " + (known.empty() ? "(none)" : JoinNames(known)));
  }
}

}  // namespace

ConfigLoadResult LoadConfig(const std::filesystem::path& file, const EnvLookup& env) {
  ConfigLoadResult result;
  std::error_code error;
  std::filesystem::path absolute = std::filesystem::absolute(file, error).lexically_normal();
  auto document = XmlDocument::Load(absolute, file, &result.errors);
  if (!document) return result;

  HubConfig config;
  config.file = absolute;
  config.base_dir = absolute.parent_path();
  SecretResolver secrets(config.base_dir, env);
  LoadContext context(*document, file, secrets, &result.errors);
  ParseRoot(context, document->Root(), &config);
  CheckJobConnectors(context, config);
  CheckCodeTableReferences(context, config);

  std::stable_sort(result.errors.begin(), result.errors.end(),
                   [](const ConfigError& a, const ConfigError& b) { return a.location.line < b.location.line; });
  if (result.errors.empty()) result.config = std::move(config);
  return result;
}

}  // namespace hub::config
