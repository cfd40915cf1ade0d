// `hub deliveries list|dead|replay`: where each subscriber stands, its dead letters, and replays.
#ifndef HUB_CLI_DELIVERIES_COMMAND_HPP_
#define HUB_CLI_DELIVERIES_COMMAND_HPP_

#include <cstddef>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

namespace hub::cli {

// One line per delivery job of the configuration: its lanes, position, events behind, delivered, open dead
// letters, and a line per lane waiting to retry. 0; 2 for a bad configuration; 1 when the store fails.
int DeliveriesList(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err);

// The open dead letters of `subscriber`, oldest first, at most `limit`, and their count. 0; 2 for a bad
// configuration or an unknown subscriber; 1 when the store fails.
int DeliveriesDead(const std::filesystem::path& config_file, const std::string& subscriber, std::size_t limit,
                   std::ostream& out, std::ostream& err);

// Asks `subscriber`'s next run to deliver again the dead letters `event_ids` (or every open one with
// `all`; one of them is required), audited as "operator:<actor>". Prints requested=N. 0; 2 for bad usage,
// configuration or event id; 1 when the store fails.
int DeliveriesReplay(const std::filesystem::path& config_file, const std::string& subscriber,
                     const std::vector<std::string>& event_ids, bool all, const std::string& actor, std::ostream& out,
                     std::ostream& err);

}  // namespace hub::cli

#endif  // HUB_CLI_DELIVERIES_COMMAND_HPP_
