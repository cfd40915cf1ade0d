// Accepts API connections and starts a session for each. Private to hub_api.
#ifndef HUB_API_LISTENER_HPP_
#define HUB_API_LISTENER_HPP_

#include <cstdint>
#include <memory>
#include <string>

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core/error.hpp>

#include "api/server_context.hpp"
#include "hub/sdk/status.hpp"

namespace hub::api {

// Threads: Listen runs on the caller's thread before accepting starts; every other member runs on the
// acceptor's strand (Close posts to it). Lifetime: kept alive by its pending accept.
class Listener : public std::enable_shared_from_this<Listener> {
 public:
  Listener(boost::asio::io_context& io, std::shared_ptr<ServerContext> context);

  // Opens, binds and listens on address:port. IoError "cannot listen on <address>:<port>: <why>",
  // InvalidArgument for an address that is not an IP address.
  sdk::Status Listen(const std::string& address, std::uint16_t port);
  // The bound port (the kernel's choice when port 0 was asked); valid after Listen succeeded.
  std::uint16_t port() const { return port_; }
  // Starts the accept loop.
  void Run();
  // Stops accepting: the listening socket closes. Thread-safe.
  void Close();

 private:
  void DoAccept();
  void OnAccept(boost::beast::error_code ec, boost::asio::ip::tcp::socket socket);
  void StartSession(boost::asio::ip::tcp::socket&& socket);
  // Registers the new session and runs it where it was admitted; drops it when it was not.
  template <class Session>
  void Admit(const std::shared_ptr<Session>& session);

  boost::asio::io_context& io_;
  const std::shared_ptr<ServerContext> context_;
  boost::asio::ip::tcp::acceptor acceptor_;
  boost::asio::steady_timer retry_timer_;  // backs off after an accept error such as "too many open files"
  std::uint16_t port_ = 0;
};

}  // namespace hub::api

#endif  // HUB_API_LISTENER_HPP_
