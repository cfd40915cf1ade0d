// One HTTP(S) POST at a time over libcurl, keeping the connection open between requests.
#ifndef HUB_CONNECTORS_WEBHOOK_HTTP_POSTER_HPP_
#define HUB_CONNECTORS_WEBHOOK_HTTP_POSTER_HPP_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/status.hpp"
#include "webhook/webhook_options.hpp"

namespace hub::webhook {

// What the server answered: its status code (any, 1xx-5xx; redirects are not followed).
struct HttpReply {
  long status = 0;
  std::string body;  // the first bytes of the answer (at most kKeptReplyBytes), for messages
};

inline constexpr std::size_t kKeptReplyBytes = 512;

// Posts to the url of the options it was made with, with their timeouts and TLS settings. Not thread-safe:
// one owner calls it (the connector, whose calls never overlap). Movable, not copyable.
class HttpPoster {
 public:
  // Internal error when libcurl cannot make a handle.
  static sdk::Result<HttpPoster> Create(const WebhookOptions& options);

  HttpPoster(HttpPoster&&) noexcept;
  HttpPoster& operator=(HttpPoster&&) noexcept;
  ~HttpPoster();

  // POSTs `body` with `headers` ("Name: value" each). The reply, whatever its status; Unavailable naming
  // the url (without user:password@, query or fragment) and libcurl's reason when no reply came:
  // connection refused, a timeout, a TLS handshake or certificate failure, a dropped connection.
  sdk::Result<HttpReply> Post(const std::vector<std::string>& headers, std::string_view body);

 private:
  struct Handle;
  explicit HttpPoster(std::unique_ptr<Handle> handle);
  std::unique_ptr<Handle> handle_;
};

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_HTTP_POSTER_HPP_
