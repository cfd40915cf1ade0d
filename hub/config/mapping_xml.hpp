// A mapping written back as the XML it is read from: what `hub check-config --mappings` prints of each sync
// job's mappings once use= is resolved, so that an operator sees what a job really maps.
#ifndef HUB_CONFIG_MAPPING_XML_HPP_
#define HUB_CONFIG_MAPPING_XML_HPP_

#include <string>

#include "config/hub_config.hpp"

namespace hub::config {

// `mapping` as one <mapping> element with a <field> per field (every option as it would be written; defaults
// left out), indented by two spaces per level from `indent`, and — for a mapping taken from a plugin's set —
// a comment naming the set before it and the set's code tables it sees (those `config` does not override)
// after it as a <code_tables> element. Reading the text back gives the same mapping. Pure: thread-safe.
std::string MappingXml(const MappingConfig& mapping, const HubConfig& config, int indent = 0);

// The name a transform is written with ("trim", "nfkc").
std::string_view MappingTransformName(MappingTransform transform);

}  // namespace hub::config

#endif  // HUB_CONFIG_MAPPING_XML_HPP_
