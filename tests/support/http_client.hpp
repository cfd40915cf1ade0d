// A small synchronous HTTP/1.1 client for tests, plain or TLS, with a timeout on every step.
#ifndef HUB_TESTS_SUPPORT_HTTP_CLIENT_HPP_
#define HUB_TESTS_SUPPORT_HTTP_CLIENT_HPP_

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/status.hpp"

namespace hub::test {

struct TlsClientOptions {
  std::filesystem::path ca_file;  // PEM to trust (a self-signed certificate works); unused when !verify
  bool verify = true;             // false: accept any certificate
};

struct RequestOptions {
  std::string bearer_token;                                  // empty: no Authorization header
  std::optional<TlsClientOptions> tls;                       // set: speak TLS
  std::chrono::milliseconds timeout{10'000};                 // for connecting, the handshake, and each request
  std::string content_type = "application/json";             // sent when the body is not empty
  std::vector<std::pair<std::string, std::string>> headers;  // extra request headers
};

struct HttpResult {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names in lowercase
  std::string body;

  // The value of header `name` (any case), or "" when absent.
  std::string Header(std::string_view name) const;
};

// One client connection, for several requests in a row (keep-alive). Not thread-safe; movable.
class HttpConnection {
 public:
  // Connects (and handshakes) to host:port. IoError naming the step that failed or timed out.
  static sdk::Result<HttpConnection> Open(const std::string& host, std::uint16_t port, RequestOptions options = {});

  HttpConnection(HttpConnection&&) noexcept;
  HttpConnection& operator=(HttpConnection&&) noexcept;
  ~HttpConnection();

  // Sends one request and reads its response. IoError when writing or reading fails or times out (e.g. the
  // server closed the connection).
  sdk::Result<HttpResult> Send(std::string_view method, std::string_view target, std::string body = {});

 private:
  class Impl;
  explicit HttpConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// One request on a fresh connection.
sdk::Result<HttpResult> Request(std::string_view method, const std::string& host, std::uint16_t port,
                                std::string_view target, std::string body = {}, const RequestOptions& options = {});
sdk::Result<HttpResult> Get(const std::string& host, std::uint16_t port, std::string_view target,
                            const RequestOptions& options = {});
sdk::Result<HttpResult> Post(const std::string& host, std::uint16_t port, std::string_view target, std::string body,
                             const RequestOptions& options = {});

// A plain TCP connection sending raw bytes: for half-written requests and protocol mismatches.
class RawConnection {
 public:
  static sdk::Result<RawConnection> Open(const std::string& host, std::uint16_t port,
                                         std::chrono::milliseconds timeout = std::chrono::milliseconds(10'000));

  RawConnection(RawConnection&&) noexcept;
  RawConnection& operator=(RawConnection&&) noexcept;
  ~RawConnection();

  sdk::Status Send(std::string_view bytes);
  // Reads until the peer closes (end of stream or reset) and returns everything read. Unavailable when
  // the connection is still open after `timeout`.
  sdk::Result<std::string> ReadUntilClosed(std::chrono::milliseconds timeout);
  // Reads until what was received contains `marker`, and returns all of it. Unavailable after `timeout`;
  // IoError when the peer closes first.
  sdk::Result<std::string> ReadUntil(std::string_view marker, std::chrono::milliseconds timeout);

 private:
  class Impl;
  explicit RawConnection(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_HTTP_CLIENT_HPP_
