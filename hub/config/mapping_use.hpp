// The default mapping sets plugins ship (ABI 1.2), and the jobs' <mapping use="..."> that take them.
#ifndef HUB_CONFIG_MAPPING_USE_HPP_
#define HUB_CONFIG_MAPPING_USE_HPP_

#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "config/config_error.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/options.hpp"

namespace hub::config {

// A plugin's default mapping set, parsed: its mappings, each naming its entity (once), and the code tables
// that only they see.
struct DefaultMappingSet {
  std::vector<MappingConfig> mappings;
  std::vector<CodeTableConfig> code_tables;
};

// Where errors in a set's document are located: "plugin finance mapping 'odoo17'" (shown as "...:12: ...").
std::filesystem::path DefaultMappingOrigin(std::string_view plugin, std::string_view name);

// Parses the set `declared` of plugin `plugin`: one <mappings> document holding <mapping entity="...">
// elements written as in a job (no use=), at most one per entity, and at most one <code_tables>. `base_dir`
// resolves ${file:...} references; no ${env:...} is set for a plugin's document. nullopt with every problem
// appended to `errors`, each at DefaultMappingOrigin:line. Pure: thread-safe.
std::optional<DefaultMappingSet> ParseDefaultMappingSet(std::string_view plugin, const sdk::DefaultMapping& declared,
                                                        const std::filesystem::path& base_dir,
                                                        std::vector<ConfigError>* errors);

// The description of the plugin that serves `connector`, or nullptr when none does (reported elsewhere).
using PluginLookup = std::function<const sdk::PluginDescription*(const ConnectorConfig& connector)>;

// Replaces, in every sync job of `config`, each <mapping use="..."> by what it takes from the sets its
// connector's plugin declares: a set taken whole becomes its mappings; <mapping use="s" entity="e"> becomes
// the set's mapping of e with the job's id= and <field>s in place of the set's (a target the set does not map
// is added), and replaces that mapping where the job also takes the set whole. Each mapping taken keeps the
// set's name in `use` and gets the set's code tables as `scoped_tables`. The order is the job's, a set's
// mappings in the set's order. Answers every problem, at the job's line (an unknown set, listing the sets the
// plugin declares; a set without the entity named; two mappings of one entity) or at the set's document's.
// A job whose connector has no plugin (reported elsewhere), or whose use= could not be resolved, keeps only the
// mappings it writes without use=.
std::vector<ConfigError> ResolveMappingUses(HubConfig* config, const PluginLookup& plugin_of);

}  // namespace hub::config

#endif  // HUB_CONFIG_MAPPING_USE_HPP_
