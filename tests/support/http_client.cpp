#include "support/http_client.hpp"

#include <algorithm>
#include <cctype>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace hub::test {
namespace net = boost::asio;
namespace ssl = net::ssl;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

constexpr std::uint64_t kMaxResponseBytes = 64 << 20;

// Starts an asynchronous operation with a completion handler and runs `io` until it has completed. The
// stream's deadline (expires_after) bounds the wait.
template <class Start>
beast::error_code RunToCompletion(net::io_context& io, Start start) {
  beast::error_code result = net::error::operation_aborted;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  io.restart();
  io.run();
  return result;
}

beast::error_code Connect(net::io_context& io, beast::tcp_stream& stream, const std::string& host, std::uint16_t port,
                          std::chrono::milliseconds timeout) {
  tcp::resolver resolver(io);
  beast::error_code ec;
  auto endpoints = resolver.resolve(host, std::to_string(port), ec);
  if (ec) return ec;
  stream.expires_after(timeout);
  return RunToCompletion(io, [&](auto handler) { stream.async_connect(endpoints, std::move(handler)); });
}

sdk::Status Failed(std::string_view what, const beast::error_code& ec) {
  return sdk::Status::IoError(std::string(what) + ": " + ec.message());
}

std::string Lowercase(beast::string_view text) {
  std::string lower(text.data(), text.size());
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower;
}

HttpResult ToResult(http::response<http::string_body>&& response) {
  HttpResult result;
  result.status = response.result_int();
  for (const auto& field : response) {
    result.headers[Lowercase(field.name_string())] = std::string(field.value().data(), field.value().size());
  }
  result.body = std::move(response.body());
  return result;
}

}  // namespace

std::string HttpResult::Header(std::string_view name) const {
  auto found = headers.find(Lowercase(beast::string_view(name.data(), name.size())));
  return found == headers.end() ? std::string() : found->second;
}

class HttpConnection::Impl {
 public:
  Impl(std::string host, RequestOptions options)
      : host_(std::move(host)), options_(std::move(options)), tls_context_(ssl::context::tls_client) {}

  sdk::Status Open(std::uint16_t port) {
    const std::string where = host_ + ":" + std::to_string(port);
    if (options_.tls) {
      HUB_RETURN_IF_ERROR(MakeTlsStream());
    } else {
      plain_ = std::make_unique<beast::tcp_stream>(io_);
    }
    beast::error_code ec = Connect(io_, Lowest(), host_, port, options_.timeout);
    if (ec) return Failed("connect to " + where, ec);
    if (!tls_) return sdk::Status::Ok();
    Lowest().expires_after(options_.timeout);
    ec = RunToCompletion(io_, [&](auto handler) { tls_->async_handshake(ssl::stream_base::client, handler); });
    return ec ? Failed("TLS handshake with " + where, ec) : sdk::Status::Ok();
  }

  sdk::Result<HttpResult> Send(std::string_view method, std::string_view target, std::string body) {
    const std::string what = std::string(method) + " " + std::string(target);
    auto request = MakeRequest(method, target, std::move(body));
    Lowest().expires_after(options_.timeout);
    beast::error_code ec = Visit([&](auto& stream) {
      return RunToCompletion(io_, [&](auto handler) { http::async_write(stream, request, handler); });
    });
    if (ec) return Failed("write " + what, ec);
    http::response_parser<http::string_body> parser;
    parser.body_limit(kMaxResponseBytes);
    parser.skip(method == "HEAD");  // a HEAD answer's Content-Length tells the GET body's, and none follows
    ec = Visit([&](auto& stream) {
      return RunToCompletion(io_, [&](auto handler) { http::async_read(stream, buffer_, parser, handler); });
    });
    if (ec) return Failed("read the response to " + what, ec);
    return ToResult(parser.release());
  }

 private:
  sdk::Status MakeTlsStream() {
    beast::error_code ec;
    if (options_.tls->verify) {
      tls_context_.load_verify_file(options_.tls->ca_file.string(), ec);
      if (ec) return Failed("load CA file " + options_.tls->ca_file.string(), ec);
      tls_context_.set_verify_mode(ssl::verify_peer);
    } else {
      tls_context_.set_verify_mode(ssl::verify_none);
    }
    tls_ = std::make_unique<beast::ssl_stream<beast::tcp_stream>>(io_, tls_context_);
    if (options_.tls->verify) tls_->set_verify_callback(ssl::host_name_verification(host_));
    net::ip::make_address(host_, ec);
    if (ec) SSL_set_tlsext_host_name(tls_->native_handle(), host_.c_str());  // SNI takes names only
    return sdk::Status::Ok();
  }

  http::request<http::string_body> MakeRequest(std::string_view method, std::string_view target, std::string body) {
    http::request<http::string_body> request;
    request.method_string(beast::string_view(method.data(), method.size()));
    request.target(beast::string_view(target.data(), target.size()));
    request.version(11);
    request.set(http::field::host, host_);
    request.set(http::field::user_agent, "hub-test-client");
    if (!options_.bearer_token.empty()) request.set(http::field::authorization, "Bearer " + options_.bearer_token);
    if (!body.empty()) request.set(http::field::content_type, options_.content_type);
    for (const auto& [name, value] : options_.headers) request.set(name, value);
    request.body() = std::move(body);
    request.prepare_payload();
    return request;
  }

  template <class F>
  beast::error_code Visit(F f) {
    return tls_ ? f(*tls_) : f(*plain_);
  }

  beast::tcp_stream& Lowest() { return tls_ ? beast::get_lowest_layer(*tls_) : *plain_; }

  const std::string host_;
  const RequestOptions options_;
  net::io_context io_;
  ssl::context tls_context_;
  std::unique_ptr<beast::ssl_stream<beast::tcp_stream>> tls_;  // one of tls_ and plain_ is set
  std::unique_ptr<beast::tcp_stream> plain_;
  beast::flat_buffer buffer_;
};

HttpConnection::HttpConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
HttpConnection::HttpConnection(HttpConnection&&) noexcept = default;
HttpConnection& HttpConnection::operator=(HttpConnection&&) noexcept = default;
HttpConnection::~HttpConnection() = default;

sdk::Result<HttpConnection> HttpConnection::Open(const std::string& host, std::uint16_t port, RequestOptions options) {
  auto impl = std::make_unique<Impl>(host, std::move(options));
  HUB_RETURN_IF_ERROR(impl->Open(port));
  return HttpConnection(std::move(impl));
}

sdk::Result<HttpResult> HttpConnection::Send(std::string_view method, std::string_view target, std::string body) {
  return impl_->Send(method, target, std::move(body));
}

sdk::Result<HttpResult> Request(std::string_view method, const std::string& host, std::uint16_t port,
                                std::string_view target, std::string body, const RequestOptions& options) {
  auto connection = HttpConnection::Open(host, port, options);
  if (!connection.ok()) return connection.status();
  return connection->Send(method, target, std::move(body));
}

sdk::Result<HttpResult> Get(const std::string& host, std::uint16_t port, std::string_view target,
                            const RequestOptions& options) {
  return Request("GET", host, port, target, {}, options);
}

sdk::Result<HttpResult> Post(const std::string& host, std::uint16_t port, std::string_view target, std::string body,
                             const RequestOptions& options) {
  return Request("POST", host, port, target, std::move(body), options);
}

class RawConnection::Impl {
 public:
  sdk::Status Open(const std::string& host, std::uint16_t port, std::chrono::milliseconds timeout) {
    timeout_ = timeout;
    beast::error_code ec = Connect(io_, stream_, host, port, timeout);
    return ec ? Failed("connect to " + host + ":" + std::to_string(port), ec) : sdk::Status::Ok();
  }

  sdk::Status Send(std::string_view bytes) {
    stream_.expires_after(timeout_);
    beast::error_code ec = RunToCompletion(
        io_, [&](auto handler) { net::async_write(stream_, net::buffer(bytes.data(), bytes.size()), handler); });
    return ec ? Failed("send", ec) : sdk::Status::Ok();
  }

  // Reads until `done(received, ec)` or an error: end of stream and reset count as the peer closing.
  template <class Done>
  sdk::Result<std::string> ReadUntil(std::chrono::milliseconds timeout, Done done) {
    std::string received;
    char chunk[4096];
    stream_.expires_after(timeout);  // one deadline for the whole wait
    while (true) {
      std::size_t size = 0;
      beast::error_code ec = RunToCompletion(io_, [&](auto handler) {
        stream_.async_read_some(net::buffer(chunk), [&size, handler](beast::error_code read_ec, std::size_t n) mutable {
          size = n;
          handler(read_ec);
        });
      });
      received.append(chunk, size);
      const bool closed = ec == net::error::eof || ec == net::error::connection_reset;
      if (done(received, closed)) return received;
      if (ec == beast::error::timeout) {
        return sdk::Status::Unavailable("still waiting after " + std::to_string(timeout.count()) + " ms");
      }
      if (ec) return Failed("read", ec);
    }
  }

 private:
  net::io_context io_;
  beast::tcp_stream stream_{io_};
  std::chrono::milliseconds timeout_{10'000};
};

RawConnection::RawConnection(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
RawConnection::RawConnection(RawConnection&&) noexcept = default;
RawConnection& RawConnection::operator=(RawConnection&&) noexcept = default;
RawConnection::~RawConnection() = default;

sdk::Result<RawConnection> RawConnection::Open(const std::string& host, std::uint16_t port,
                                               std::chrono::milliseconds timeout) {
  auto impl = std::make_unique<Impl>();
  HUB_RETURN_IF_ERROR(impl->Open(host, port, timeout));
  return RawConnection(std::move(impl));
}

sdk::Status RawConnection::Send(std::string_view bytes) { return impl_->Send(bytes); }

sdk::Result<std::string> RawConnection::ReadUntilClosed(std::chrono::milliseconds timeout) {
  return impl_->ReadUntil(timeout, [](const std::string&, bool closed) { return closed; });
}

sdk::Result<std::string> RawConnection::ReadUntil(std::string_view marker, std::chrono::milliseconds timeout) {
  return impl_->ReadUntil(
      timeout, [marker](const std::string& received, bool) { return received.find(marker) != std::string::npos; });
}

}  // namespace hub::test
