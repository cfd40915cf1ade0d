// The call_center connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_OPTIONS_HPP_
#define HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_OPTIONS_HPP_

#include <chrono>
#include <filesystem>

#include "call_center/cdr_call.hpp"
#include "hub/files/file_completeness.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::call_center {

// Validated options of one call_center connector instance. A plain value.
struct CallCenterOptions {
  std::filesystem::path path;  // the CDR file Asterisk appends to (Master.csv)
  files::CompletenessRule completeness;
  std::chrono::minutes utc_offset = std::chrono::hours(8);  // the zone the PBX writes its times in
  DirectionRule direction;
};

// The plugin's self-description: name "call_center", kind "connector", every option with type, default,
// whether it is required and what it does. Pure; thread-safe.
sdk::PluginDescription DescribeCallCenterConnector();

// Parses the values the host validated against DescribeCallCenterConnector() (absent options take their
// defaults). InvalidArgument naming the option for what the schema cannot express: a settle_time that is
// not a duration, a utc_offset not of the form +08:00, an extension_max_digits below 1.
sdk::Result<CallCenterOptions> ParseCallCenterOptions(const sdk::Options& options);

}  // namespace hub::call_center

#endif  // HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_OPTIONS_HPP_
