// A one-line progress display for `hub sync` on a terminal.
#ifndef HUB_CLI_PROGRESS_LINE_HPP_
#define HUB_CLI_PROGRESS_LINE_HPP_

#include <chrono>
#include <ostream>

#include "sync/sync_runner.hpp"

namespace hub::cli {

// Rewrites one line on `out` ("\r…") with records read, rate and, when the total is known, percent and
// time left; at most a few times a second. Does nothing when disabled (output is not a terminal).
// Not thread-safe: one run's thread.
class ProgressLine {
 public:
  ProgressLine(std::ostream& out, bool enabled) : out_(out), enabled_(enabled) {}
  void Update(const sync::SyncProgress& progress);
  // Ends the line if anything was shown.
  void Finish();

 private:
  std::ostream& out_;
  bool enabled_;
  bool shown_ = false;
  std::chrono::steady_clock::time_point last_shown_{};
};

}  // namespace hub::cli

#endif  // HUB_CLI_PROGRESS_LINE_HPP_
