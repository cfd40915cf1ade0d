#include "cli/progress_line.hpp"

#include <cstdio>

namespace hub::cli {

void ProgressLine::Update(const sync::SyncProgress& progress) {
  auto now = std::chrono::steady_clock::now();
  if (!enabled_ || (shown_ && now - last_shown_ < std::chrono::milliseconds(250))) return;
  last_shown_ = now;
  shown_ = true;
  double seconds = std::chrono::duration<double>(progress.elapsed).count();
  double rate = seconds > 0 ? static_cast<double>(progress.counts.read) / seconds : 0;
  char text[160];
  int length = std::snprintf(text, sizeof(text), "\r%llu records, %.0f/s, quarantined %llu",
                             static_cast<unsigned long long>(progress.counts.read), rate,
                             static_cast<unsigned long long>(progress.counts.quarantined));
  if (progress.total_hint && *progress.total_hint > 0 && rate > 0) {
    double total = static_cast<double>(*progress.total_hint);
    double left = (total - static_cast<double>(progress.counts.read)) / rate;
    length +=
        std::snprintf(text + length, sizeof(text) - static_cast<std::size_t>(length), ", %.0f%%, about %.0fs left",
                      100.0 * static_cast<double>(progress.counts.read) / total, left > 0 ? left : 0);
  }
  out_ << text << "\x1b[K" << std::flush;
}

void ProgressLine::Finish() {
  if (shown_) out_ << "\n";
}

}  // namespace hub::cli
