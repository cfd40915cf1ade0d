// Cooperative cancellation shared between the one who stops and the one who works.
#ifndef HUB_COMMON_CANCELLATION_HPP_
#define HUB_COMMON_CANCELLATION_HPP_

#include <atomic>
#include <memory>

namespace hub {

// Cancel() may be called from a signal handler: that needs a lock-free flag.
static_assert(std::atomic<bool>::is_always_lock_free);

// A copyable handle on one shared flag. Cancel() is sticky and thread-safe; workers poll Cancelled().
class CancellationToken {
 public:
  CancellationToken() : flag_(std::make_shared<std::atomic<bool>>(false)) {}
  void Cancel() const { flag_->store(true, std::memory_order_release); }
  bool Cancelled() const { return flag_->load(std::memory_order_acquire); }

 private:
  std::shared_ptr<std::atomic<bool>> flag_;
};

}  // namespace hub

#endif  // HUB_COMMON_CANCELLATION_HPP_
