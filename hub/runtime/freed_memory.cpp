#include "runtime/freed_memory.hpp"

#include <climits>
#include <string>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace hub {

sdk::Status KeepFreedMemory(std::size_t bytes) {
#if defined(__GLIBC__)
  if (bytes > static_cast<std::size_t>(INT_MAX)) {
    return sdk::Status::InvalidArgument("cannot keep " + std::to_string(bytes) + " bytes: at most INT_MAX");
  }
  if (mallopt(M_TRIM_THRESHOLD, static_cast<int>(bytes)) != 1) {
    return sdk::Status::Internal("the C library refused a trim threshold of " + std::to_string(bytes) + " bytes");
  }
  return sdk::Status::Ok();
#else
  (void)bytes;
  return sdk::Status::Unimplemented("keeping freed memory is tuned for glibc only");
#endif
}

}  // namespace hub
