// How long a failing lane waits before its next attempt: exponential backoff with jitter.
#ifndef HUB_DELIVERY_BACKOFF_HPP_
#define HUB_DELIVERY_BACKOFF_HPP_

#include <chrono>
#include <functional>

namespace hub::delivery {

// A source of random numbers in [0, 1), injected so that tests are deterministic. Called from the thread
// running the delivery only.
using RandomSource = std::function<double()>;

// A RandomSource over a std::mt19937_64 seeded from std::random_device: for production.
RandomSource SystemRandom();

// The wait after the `attempts`-th failed attempt (≥ 1): min(max_backoff, backoff·2^(attempts−1)), times
// (0.5 + 0.5·random()), so that subscribers failing together do not retry together. Never negative; no
// overflow for any `attempts`.
std::chrono::milliseconds RetryDelay(int attempts, std::chrono::milliseconds backoff,
                                     std::chrono::milliseconds max_backoff, const RandomSource& random);

}  // namespace hub::delivery

#endif  // HUB_DELIVERY_BACKOFF_HPP_
