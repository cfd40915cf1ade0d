// Private to hub_config: one parser per top-level element of the file. Each validates its element
// (reporting every problem into the context, with lines) and fills in what is valid.
#ifndef HUB_CONFIG_SECTIONS_HPP_
#define HUB_CONFIG_SECTIONS_HPP_

#include <filesystem>
#include <optional>
#include <vector>

#include <pugixml.hpp>

#include "config/hub_config.hpp"
#include "config/load_context.hpp"

namespace hub::config {

// <store> with 1..n <connection> texts.
void ParseStore(LoadContext& context, pugi::xml_node store, StoreConfig* out);

// <plugins dir="..."/>.
void ParsePlugins(LoadContext& context, pugi::xml_node plugins, HubConfig* config);

// <runtime io_threads="" worker_threads="" lease=""/>.
void ParseRuntime(LoadContext& context, pugi::xml_node runtime, RuntimeConfig* out);

// <logging level="" format="" file=""/>.
void ParseLogging(LoadContext& context, pugi::xml_node logging, LogSettings* out);

// <api> with its <tls> and <auth>/<token> children, including the "auth off only on loopback" rule.
void ParseApi(LoadContext& context, pugi::xml_node api, ApiConfig* out);

// <connectors> with its <connector> children; names unique. Options are kept as written.
void ParseConnectors(LoadContext& context, pugi::xml_node connectors, std::vector<ConnectorConfig>* out);

// <jobs> with its <job> children: a sync job with one or more <mapping>s (at most one per entity, and one
// use= of a set whole per set), a delivery job with its subscription and no <mapping>, a customer-care job
// with its occasions and no connector; names unique. Whether
// each job's connector and code tables exist is checked later, once every section has been read; what a use=
// takes, once the plugins are loaded (ResolveMappingUses).
void ParseJobs(LoadContext& context, pugi::xml_node jobs, std::vector<JobConfig>* out);

// Where a <mapping> is written: in a <job> of the configuration (entity= or use=, or both), or in a plugin's
// default mapping set (entity= only).
enum class MappingPlace { kJob, kDefaultSet };

// <mapping> with its <field> children; targets unique. nullopt when the element itself is unusable (every
// problem reported).
std::optional<MappingConfig> ReadMapping(LoadContext& context, pugi::xml_node mapping,
                                         MappingPlace place = MappingPlace::kJob);

// The subscription of the delivery job `job`: its <subscribe>, <filter> and at most one <retry> children,
// and its start= and lanes= attributes (the element's shape is checked by the caller).
void ReadSubscription(LoadContext& context, pugi::xml_node job, SubscriptionConfig* out);

// The occasions of the customer-care job `job`: its <birthday/> (at most one) and <holiday> children (names
// unique; month= and day= in their calendar, or date=), and its timezone= and days_ahead= attributes (the
// element's shape is checked by the caller). A job greeting nothing is refused.
void ReadCare(LoadContext& context, pugi::xml_node job, CareConfig* out);

// <leads> with at most one <classification> (the thresholds and lists of leads::ClassificationRules), one
// <funnel> (ReadFunnel) and one <routing> (ReadRouting).
void ParseLeads(LoadContext& context, pugi::xml_node leads, LeadsConfig* out);

// <leads><funnel>: the funnel's norms, dwell overrides (<dwell>), cooling period and alert thresholds; each
// attribute validated at its line, the documented defaults for what is not written.
void ReadFunnel(LoadContext& context, pugi::xml_node funnel, leads::FunnelNorms* out);

// <routing> (inside <leads>): the principles' order (a principle left out is off), the finder rule, the quotas and
// the daily cap, the key-account team and industries, and the cost rule of leads::RoutingRules.
void ReadRouting(LoadContext& context, pugi::xml_node routing, leads::RoutingRules* out);

// <code_tables> with its <table> children and their <entry> elements; table names and codes unique.
void ParseCodeTables(LoadContext& context, pugi::xml_node code_tables, std::vector<CodeTableConfig>* out);

// Reports every mapping field whose lookup= names a table <code_tables> does not define.
void CheckCodeTableReferences(LoadContext& context, const HubConfig& config);

}  // namespace hub::config

#endif  // HUB_CONFIG_SECTIONS_HPP_
