// Private to hub_config: one parser per top-level element of the file. Each validates its element
// (reporting every problem into the context, with lines) and fills in what is valid.
#ifndef HUB_CONFIG_SECTIONS_HPP_
#define HUB_CONFIG_SECTIONS_HPP_

#include <filesystem>
#include <vector>

#include <pugixml.hpp>

#include "config/hub_config.hpp"
#include "config/load_context.hpp"

namespace hub::config {

// <store> with 1..n <connection> texts.
void ParseStore(LoadContext& context, pugi::xml_node store, StoreConfig* out);

// <plugins dir="..."/>.
void ParsePlugins(LoadContext& context, pugi::xml_node plugins, std::filesystem::path* plugin_dir);

// <runtime io_threads="" worker_threads=""/>.
void ParseRuntime(LoadContext& context, pugi::xml_node runtime, RuntimeConfig* out);

// <logging level="" format="" file=""/>.
void ParseLogging(LoadContext& context, pugi::xml_node logging, LogSettings* out);

// <api> with its <tls> and <auth>/<token> children, including the "auth off only on loopback" rule.
void ParseApi(LoadContext& context, pugi::xml_node api, ApiConfig* out);

// <connectors> with its <connector> children; names unique. Options are kept as written.
void ParseConnectors(LoadContext& context, pugi::xml_node connectors, std::vector<ConnectorConfig>* out);

// <jobs> with its <job> children; names unique. Whether each job's connector exists is checked later,
// once every section has been read.
void ParseJobs(LoadContext& context, pugi::xml_node jobs, std::vector<JobConfig>* out);

}  // namespace hub::config

#endif  // HUB_CONFIG_SECTIONS_HPP_
