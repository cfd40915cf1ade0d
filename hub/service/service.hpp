// `hub run`: the long-running service.
#ifndef HUB_SERVICE_SERVICE_HPP_
#define HUB_SERVICE_SERVICE_HPP_

#include <filesystem>
#include <ostream>

namespace hub::service {

// Loads the configuration and plugins, schedules the sync jobs, serves the API, and runs until SIGINT or
// SIGTERM. On those it stops accepting work, cancels the runs in flight (each finishes or rolls back its
// batch and keeps its checkpoint) and returns within 10 s. SIGHUP reloads the configuration: a valid new
// one replaces jobs, tokens and log settings without dropping API requests; a bad one is refused, logged,
// and the running one kept. Listener, TLS and store changes need a restart (logged as such).
//
// Answers the process exit status: 0 after a clean stop, 1 when it could not start (e.g. the port is
// taken), 2 when the configuration is invalid; the reason goes to `err` as one line each.
// Call once per process: it owns the process's signal handling while it runs.
int RunService(const std::filesystem::path& config_file, std::ostream& err);

}  // namespace hub::service

#endif  // HUB_SERVICE_SERVICE_HPP_
