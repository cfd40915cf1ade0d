// One accepted API connection, plain or TLS. Private to hub_api.
#ifndef HUB_API_HTTP_SESSION_HPP_
#define HUB_API_HTTP_SESSION_HPP_

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/ssl/ssl_stream.hpp>

#include "api/beast_messages.hpp"
#include "api/connection_registry.hpp"
#include "api/request_dispatcher.hpp"
#include "api/server_context.hpp"

namespace hub::api {

using PlainStream = boost::beast::tcp_stream;
using TlsStream = boost::beast::ssl_stream<boost::beast::tcp_stream>;

// Serves requests one at a time on one connection: (TLS handshake,) wait for a request, read it, run its
// handler on the worker pool (on the strand for a route of Execution::kInline), write the response, wait
// for the next while the client keeps the connection alive. Tells the registry when it waits (idle: it may
// be shed) and when a request has begun. Admitted beyond the ordinary places, it serves one request within
// ApiLimits::restricted_deadline: a route kept under load, or the refusal its admission calls for.
//
// Threads: every member runs on the connection's strand (the socket's executor), except Shutdown, which
// posts to it, and the handler task on a worker, which touches only the request it owns and ServerContext.
// Lifetime: owned by the shared_ptrs held by its pending operations; it dies when the last one completes.
// The handler task gives its reference back with the response, so a session never ends on the worker
// that ran its handler, whenever that worker drops the task.
template <class Stream>
class HttpSession final : public Connection, public std::enable_shared_from_this<HttpSession<Stream>> {
 public:
  HttpSession(boost::asio::ip::tcp::socket&& socket, std::shared_ptr<ServerContext> context);
  ~HttpSession() override;

  // Takes a place in the registry and answers where; kDropped when there is none or the server is stopping
  // (then drop the session: the socket closes).
  Admission Register();
  // Starts serving. Call once, after Register admitted the connection.
  void Run();
  void Shutdown() override;
  void Shed() override;

 private:
  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;

  void ArmTimeout(std::chrono::milliseconds timeout);
  void ArmTimeout();
  void DoHandshake();
  void OnHandshake(boost::beast::error_code ec);
  void DoRead();
  void OnFirstBytes(boost::beast::error_code ec, std::size_t bytes);
  void ReadHeader();
  void SetIdle(bool idle);
  void OnReadHeader(boost::beast::error_code ec, std::size_t bytes);
  void OnContinue(boost::beast::error_code ec, std::size_t bytes);
  void ReadBody();
  void OnRead(boost::beast::error_code ec, std::size_t bytes);
  void Dispatch(BeastRequest&& request);
  std::optional<HttpResponse> Refusal(const HttpRequest& request) const;
  void Refuse(unsigned status, std::string_view code, const std::string& message);
  void Answer(HttpResponse&& response);
  void DoWrite(DispatchResult&& result);
  void OnWrite(boost::beast::error_code ec, std::size_t bytes);
  void Report();
  void DoDrain();
  void OnDrain(boost::beast::error_code ec, std::size_t bytes);
  void DoClose();
  void OnShutdown(boost::beast::error_code ec);
  void Fail(boost::beast::error_code ec, const char* what);

  const std::shared_ptr<ServerContext> context_;
  const std::string client_;  // the peer's address: connections are limited per address
  const std::string remote_;  // "address:port", for logs
  Stream stream_;
  const boost::asio::any_io_executor executor_;  // the connection's strand
  boost::beast::flat_buffer buffer_;
  std::optional<boost::beast::http::request_parser<boost::beast::http::string_body>> parser_;
  std::optional<boost::beast::http::response<boost::beast::http::empty_body>> continue_;  // "100 Continue"
  std::optional<BeastResponse> response_;  // kept alive while async_write runs
  std::optional<std::uint64_t> registration_;
  Admission admission_ = Admission::kDropped;

  // One request at a time: between the request read and its response written the session is busy.
  bool busy_ = false;
  bool idle_ = true;                // waiting for a request (or the TLS handshake): may be shed
  bool head_ = false;               // the request in flight is HEAD: its answer has no body
  bool stopping_ = false;           // Shutdown was called: close after the request in flight
  bool keep_alive_ = false;         // the request in flight asked for keep-alive
  bool drain_after_write_ = false;  // the request in flight was not read in full
  unsigned version_ = 11;
  std::string method_label_;
  std::string route_;
  std::chrono::steady_clock::time_point started_;
};

extern template class HttpSession<PlainStream>;
extern template class HttpSession<TlsStream>;

}  // namespace hub::api

#endif  // HUB_API_HTTP_SESSION_HPP_
