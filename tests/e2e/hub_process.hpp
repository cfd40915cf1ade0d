// Runs the real `hub` binary as a child process for end-to-end tests.
#ifndef HUB_TESTS_E2E_HUB_PROCESS_HPP_
#define HUB_TESTS_E2E_HUB_PROCESS_HPP_

#include <sys/types.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace hub::test {

// The path of build/bin/hub.
std::filesystem::path HubBinary();

// A running `hub` child process whose stdout and stderr are collected (merged) by a reader thread.
// The destructor kills a child still running (SIGKILL) and reaps it. Not thread-safe.
class HubProcess {
 public:
  // Starts `hub <args...>`. Empty on failure to spawn.
  static std::unique_ptr<HubProcess> Start(const std::vector<std::string>& args);
  ~HubProcess();

  // Waits until the output contains `needle`, up to `timeout`. True when it does.
  bool WaitForOutput(const std::string& needle, std::chrono::milliseconds timeout);
  // Waits for the child to exit, up to `timeout`: its exit status (128 + the signal when a signal killed
  // it), or nullopt when it is still running.
  std::optional<int> WaitForExit(std::chrono::milliseconds timeout);
  void Signal(int signal) const;
  // The child's process id (it appears in the hub's lease owner id, "<instance>@<host>:<pid>:<random>").
  pid_t pid() const { return pid_; }
  std::string Output() const;
  // The port from the service's "serving on <address>:<port>" log line; 0 if not seen yet.
  std::uint16_t Port() const;

 private:
  HubProcess(pid_t pid, int output_fd);
  void ReadOutput();

  pid_t pid_;
  int output_fd_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::string output_;          // guarded by mutex_
  bool output_closed_ = false;  // guarded by mutex_
  std::optional<int> exit_status_;
  std::thread reader_;
};

// Runs `hub <args...>` to completion (up to `limit`, a guard against a hung run: a run that takes long on a loaded
// machine is no failure) and answers its exit status and output (-1 when it did not end in time).
struct CommandResult {
  int exit_status = -1;
  std::string output;  // stdout and stderr, merged
};
CommandResult RunHub(const std::vector<std::string>& args, std::chrono::seconds limit = std::chrono::seconds(60));

}  // namespace hub::test

#endif  // HUB_TESTS_E2E_HUB_PROCESS_HPP_
