#include "api/listener.hpp"

#include <chrono>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <boost/beast/core/bind_handler.hpp>

#include "api/http_session.hpp"

namespace hub::api {
namespace net = boost::asio;
namespace beast = boost::beast;
using tcp = net::ip::tcp;

namespace {

constexpr std::chrono::milliseconds kAcceptRetryDelay{100};

}  // namespace

Listener::Listener(net::io_context& io, std::shared_ptr<ServerContext> context)
    : io_(io), context_(std::move(context)), acceptor_(net::make_strand(io)), retry_timer_(acceptor_.get_executor()) {}

sdk::Status Listener::Listen(const std::string& address, std::uint16_t port) {
  beast::error_code ec;
  auto ip = net::ip::make_address(address, ec);
  if (ec) return sdk::Status::InvalidArgument("API address '" + address + "' is not an IP address");
  tcp::endpoint endpoint(ip, port);
  auto failed = [&](const beast::error_code& error) {
    return sdk::Status::IoError("cannot listen on " + address + ":" + std::to_string(port) + ": " + error.message());
  };
  acceptor_.open(endpoint.protocol(), ec);
  if (ec) return failed(ec);
  acceptor_.set_option(net::socket_base::reuse_address(true), ec);
  if (ec) return failed(ec);
  acceptor_.bind(endpoint, ec);
  if (ec) return failed(ec);
  acceptor_.listen(net::socket_base::max_listen_connections, ec);
  if (ec) return failed(ec);
  port_ = acceptor_.local_endpoint(ec).port();
  return sdk::Status::Ok();
}

void Listener::Run() {
  net::dispatch(acceptor_.get_executor(), [self = shared_from_this()] { self->DoAccept(); });
}

void Listener::Close() {
  net::post(acceptor_.get_executor(), [self = shared_from_this()] {
    beast::error_code ignored;
    self->retry_timer_.cancel();
    self->acceptor_.close(ignored);
  });
}

void Listener::DoAccept() {
  if (!acceptor_.is_open()) return;
  // Each connection gets its own strand: its handlers never run concurrently, whatever the thread count.
  acceptor_.async_accept(net::make_strand(io_), beast::bind_front_handler(&Listener::OnAccept, shared_from_this()));
}

void Listener::OnAccept(beast::error_code ec, tcp::socket socket) {
  if (ec == net::error::operation_aborted) return;  // Close
  if (ec) {
    // Often transient (out of file descriptors): log, wait a moment, accept again rather than spin or give up.
    context_->logger->warn("API accept failed: {}", ec.message());
    retry_timer_.expires_after(kAcceptRetryDelay);
    retry_timer_.async_wait([self = shared_from_this()](beast::error_code wait_ec) {
      if (!wait_ec) self->DoAccept();
    });
    return;
  }
  StartSession(std::move(socket));
  DoAccept();
}

void Listener::StartSession(tcp::socket&& socket) {
  if (context_->tls) {
    auto session = std::make_shared<HttpSession<TlsStream>>(std::move(socket), context_);
    if (session->Register()) return session->Run();
  } else {
    auto session = std::make_shared<HttpSession<PlainStream>>(std::move(socket), context_);
    if (session->Register()) return session->Run();
  }
  // Over the connection cap, or stopping: the session just made is dropped, which closes the socket.
  context_->logger->warn("API connection refused: {} connections open (the limit is {}) or the server is stopping",
                         context_->registry.size(), context_->limits.max_connections);
}

}  // namespace hub::api
