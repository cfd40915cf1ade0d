// Whether a job's two ways of naming each record's source id agree: its connector's record id option (the
// plugin's PluginDescription::record_id_option, such as the file connector's id_field) and its mapping's id=.
#ifndef HUB_CONFIG_RECORD_ID_CHECK_HPP_
#define HUB_CONFIG_RECORD_ID_CHECK_HPP_

#include <optional>

#include "config/config_error.hpp"
#include "config/hub_config.hpp"
#include "hub/sdk/options.hpp"

namespace hub::config {

// The rule (docs/CONFIGURATION.md, <mapping>): the mapping's id= wins — it is the source id of every
// record the job maps and stores; the connector's option gives the id the connector hands over, which
// counts only without id=, and for the records the connector rejects itself (it also rejects a record
// whose field is empty). So when both name a source field and the fields differ, the configuration most
// likely says one thing twice, wrongly: a warning ("warning: job 'j': ...") located at the mapping, naming
// both fields and the option's line. nullopt when either is not given or both name the same field. `mapping` is
// one of `job`'s mappings (each is checked on its own).
// `options` are the connector's validated options (the plugin's defaults included).
//
// Pure function: thread-safe, never throws.
std::optional<ConfigError> RecordIdWarning(const JobConfig& job, const MappingConfig& mapping,
                                           const ConnectorConfig& connector, const sdk::PluginDescription& plugin,
                                           const sdk::Options& options);

}  // namespace hub::config

#endif  // HUB_CONFIG_RECORD_ID_CHECK_HPP_
