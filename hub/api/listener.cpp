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
    Admit(std::make_shared<HttpSession<TlsStream>>(std::move(socket), context_));
  } else {
    Admit(std::make_shared<HttpSession<PlainStream>>(std::move(socket), context_));
  }
}

template <class Session>
void Listener::Admit(const std::shared_ptr<Session>& session) {
  Admission admission = session->Register();
  switch (admission) {
    case Admission::kOrdinary:
      context_->Report(ConnectionEvent::kOrdinary);
      return session->Run();
    case Admission::kReserve:
      context_->Report(ConnectionEvent::kReserve);
      return session->Run();
    case Admission::kOverloaded:
      context_->Report(ConnectionEvent::kOverloaded);
      context_->logger->debug("API at its limit of {} connections, none idle: answering 503",
                              context_->max_connections);
      return session->Run();
    case Admission::kClientLimit:
      context_->Report(ConnectionEvent::kClientLimit);
      context_->logger->debug("an API client is at its limit of {} connections: answering 429",
                              context_->max_connections_per_client);
      return session->Run();
    case Admission::kDropped:
      break;
  }
  // Stopping, or every place is taken, even those for answering refusals: the session just made is
  // dropped, which closes the socket. Logged at debug like the refusals: a flood must not flood the log
  // too; hub_api_connections_total counts them.
  context_->Report(ConnectionEvent::kDropped);
  context_->logger->debug("API connection closed unanswered: {} connections open, or the server is stopping",
                          context_->registry.size());
}

}  // namespace hub::api
