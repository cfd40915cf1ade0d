#include "delivery/backoff.hpp"

#include <algorithm>
#include <memory>
#include <random>

namespace hub::delivery {

RandomSource SystemRandom() {
  auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
  return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

std::chrono::milliseconds RetryDelay(int attempts, std::chrono::milliseconds backoff,
                                     std::chrono::milliseconds max_backoff, const RandomSource& random) {
  const std::chrono::milliseconds ceiling = std::max(max_backoff, std::chrono::milliseconds(0));
  std::chrono::milliseconds wait = std::clamp(backoff, std::chrono::milliseconds(0), ceiling);
  for (int i = 1; i < attempts && wait < ceiling; ++i) wait = std::min(ceiling, wait * 2);
  const double factor = 0.5 + 0.5 * std::clamp(random(), 0.0, 1.0);
  return std::chrono::milliseconds(
      static_cast<std::chrono::milliseconds::rep>(static_cast<double>(wait.count()) * factor));
}

}  // namespace hub::delivery
