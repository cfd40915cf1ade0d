#include "call_center/call_center_options.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "call_center/default_mappings.hpp"
#include "hub/files/utc_offset.hpp"

#ifndef HUB_CALL_CENTER_CONNECTOR_VERSION
#error "HUB_CALL_CENTER_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::call_center {
namespace {

using sdk::OptionType;

}  // namespace

sdk::PluginDescription DescribeCallCenterConnector() {
  sdk::PluginDescription description;
  description.name = "call_center";
  description.version = HUB_CALL_CENTER_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads the call detail records (CDRs) Asterisk appends to Master.csv, in any layout of the cdr_csv backend "
      "(with or without loguniqueid, loguserfield, newcdrcolumns) or cdr_custom's default, detected row by row; "
      "emits one call record per call (the rows sharing linkedid, else uniqueid), once the call is written whole.";
  description.options = {
      {"path", OptionType::kPath, std::nullopt, true,
       "The CDR file Asterisk appends to, e.g. /var/log/asterisk/cdr-csv/Master.csv; rows appended later are "
       "read by later syncs."},
      {"settle_time", OptionType::kDuration, "1m", false,
       "The last call of the file is held back (its rows may not all be written yet) until a row of another call "
       "follows it or the file has not changed for this long; a last line without its line end likewise."},
      {"final", OptionType::kBoolean, "false", false,
       "The file is written whole before the hub reads it (a copy, not the live file): its last call is read at "
       "once."},
      {"utc_offset", OptionType::kString, "+08:00", false,
       "The time zone the PBX writes its local times in (start, answer, end), as an offset from UTC."},
      {"inbound_contexts", OptionType::kString, std::nullopt, false,
       "Comma-separated dialplan contexts (dcontext) of calls from outside, e.g. `from-pstn,from-trunk`: a call "
       "whose first row has one is inbound, any other outbound. Unset: a call whose first row's src is an outside "
       "number (only digits, a leading + and separators allowed, more than extension_max_digits digits) is inbound, "
       "one from an "
       "internal extension outbound."},
      {"extension_max_digits", OptionType::kInteger, "6", false,
       "Without inbound_contexts: the most digits an internal extension has; a longer all-digit src is an "
       "outside caller."},
  };
  description.capabilities.reads = true;
  description.capabilities.writes_events = false;
  description.default_mappings = DefaultMappings();
  return description;
}

sdk::Result<CallCenterOptions> ParseCallCenterOptions(const sdk::Options& options) {
  CallCenterOptions parsed;
  parsed.path = options.GetString("path");
  if (parsed.path.empty()) return sdk::Status::InvalidArgument("option 'path' must name the CDR file");
  sdk::Result<bool> declared_final = options.GetBool("final", false);
  if (!declared_final.ok()) return declared_final.status().WithContext("option 'final'");
  sdk::Result<std::chrono::milliseconds> settle = options.GetDuration("settle_time", parsed.completeness.settle);
  if (!settle.ok()) return settle.status().WithContext("option 'settle_time'");
  parsed.completeness = files::CompletenessRule{*declared_final, *settle};
  const std::string offset_text = options.GetString("utc_offset", "+08:00");
  const std::optional<std::chrono::minutes> offset = files::ParseUtcOffset(offset_text);
  if (!offset) return sdk::InvalidOptionValue("utc_offset", offset_text, "is not an offset from UTC such as +08:00");
  parsed.utc_offset = *offset;
  parsed.direction.inbound_contexts = options.GetList("inbound_contexts");
  sdk::Result<std::int64_t> digits = options.GetInteger("extension_max_digits", 6);
  if (!digits.ok()) return digits.status().WithContext("option 'extension_max_digits'");
  if (*digits < 1)
    return sdk::InvalidOptionValue("extension_max_digits", std::to_string(*digits), "must be at least 1");
  parsed.direction.extension_max_digits = static_cast<std::size_t>(*digits);
  return parsed;
}

}  // namespace hub::call_center
