// Splitting and decoding a request target ("/a/b?x=1&y=%20"). Private to hub_api; no Beast types.
#ifndef HUB_API_REQUEST_TARGET_HPP_
#define HUB_API_REQUEST_TARGET_HPP_

#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"

namespace hub::api {

// A target split into its path (still percent-encoded) and its decoded query parameters.
struct RequestTarget {
  std::string path;
  std::map<std::string, std::string> query;
};

// Decodes %XX escapes, and '+' as a space when `plus_is_space` (query strings). nullopt when an escape is
// malformed or decodes to NUL. Thread-safe (pure).
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Splits an origin-form target. InvalidArgument when it does not start with '/', or when the path or a query
// parameter holds a malformed escape. A parameter given twice keeps the last value. Thread-safe (pure).
sdk::Result<RequestTarget> ParseTarget(std::string_view target);

}  // namespace hub::api

#endif  // HUB_API_REQUEST_TARGET_HPP_
