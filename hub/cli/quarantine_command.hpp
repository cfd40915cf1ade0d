// `hub quarantine list` and `hub quarantine replay`: what operators see of the quarantine, and storing
// again what they fixed. Each answers the process exit status (0 success, 1 runtime failure, 2 bad usage
// or invalid configuration).
#ifndef HUB_CLI_QUARANTINE_COMMAND_HPP_
#define HUB_CLI_QUARANTINE_COMMAND_HPP_

#include <filesystem>
#include <ostream>
#include <string>

#include "store/model/quarantine_query.hpp"

namespace hub::cli {

// `hub quarantine list`: one line an open or pending entry that `filter` selects, oldest first —
// "<id> <status> job=<job> <entity> '<source id>' seen=<N> first=<time> last=<time> [waits for <record>]
// <reason>" — then "<N> entries". The raw records are in `hub export quarantine`.
int ListQuarantine(const std::filesystem::path& config_file, const store_model::QuarantineFilter& filter,
                   std::ostream& out, std::ostream& err);

// `hub quarantine replay`: stores again the records of the entries `filter` selects (StoreSink::Replay),
// each with its job's current mapping; prints the sync's count line, then "resolved=N released=N
// skipped=N", then one line a skipped entry; the replay's audit_log row (`actor`) is written inside its
// transactions (service::ReplayAudit). Without a filter, `all` must be set (bad usage otherwise).
int ReplayQuarantine(const std::filesystem::path& config_file, const store_model::QuarantineFilter& filter, bool all,
                     const std::string& actor, std::ostream& out, std::ostream& err);

// The operator's name for the audit log: $SUDO_USER, $USER or $LOGNAME, the first set; "unknown" otherwise.
std::string OperatorName();

}  // namespace hub::cli

#endif  // HUB_CLI_QUARANTINE_COMMAND_HPP_
