#include "api/http_session.hpp"

#include <algorithm>
#include <exception>

#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/ssl/error.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace hub::api {
namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

namespace {

// A retry in a second: the places in use are held by requests in flight or connections about to time out.
constexpr const char* kRetryAfterSeconds = "1";
constexpr std::size_t kFirstReadBytes = 4096;

std::string ClientAddress(const tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("unknown peer") : endpoint.address().to_string();
}

std::string RemoteName(const tcp::socket& socket) {
  beast::error_code ec;
  auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("unknown peer") : endpoint.address().to_string() + ":" + std::to_string(endpoint.port());
}

bool Restricted(Admission admission) { return admission != Admission::kOrdinary; }

template <class Stream>
Stream MakeStream(tcp::socket&& socket, ServerContext& context) {
  if constexpr (std::is_same_v<Stream, TlsStream>) {
    return Stream(std::move(socket), *context.tls);
  } else {
    return Stream(std::move(socket));
  }
}

bool IsHttpParseError(beast::error_code ec) {
  return ec.category() == http::make_error_code(http::error::bad_target).category();
}

}  // namespace

template <class Stream>
HttpSession<Stream>::HttpSession(tcp::socket&& socket, std::shared_ptr<ServerContext> context)
    : context_(std::move(context)),
      client_(ClientAddress(socket)),
      remote_(RemoteName(socket)),
      stream_(MakeStream<Stream>(std::move(socket), *context_)),
      executor_(stream_.get_executor()) {}

template <class Stream>
HttpSession<Stream>::~HttpSession() {
  if (!registration_) return;
  context_->registry.Unregister(*registration_);
  context_->Report(ConnectionEvent::kClosed);
}

template <class Stream>
Admission HttpSession<Stream>::Register() {
  ConnectionRegistry::Registration registration = context_->registry.Register(this->weak_from_this(), client_);
  admission_ = registration.admission;
  if (admission_ != Admission::kDropped) registration_ = registration.id;
  for (std::size_t i = 0; i < registration.shed; ++i) context_->Report(ConnectionEvent::kShed);
  return admission_;
}

template <class Stream>
void HttpSession<Stream>::Run() {
  // The socket's executor is this connection's strand: every handler of the session runs on it, so the
  // session's state needs no lock although the io_context may run on several threads.
  net::dispatch(executor_, [self = this->shared_from_this()] {
    if (Restricted(self->admission_)) {
      // One deadline for the whole exchange, so that the places beyond the ordinary ones turn over fast.
      beast::get_lowest_layer(self->stream_)
          .expires_after(std::min(self->context_->request_timeout, self->context_->limits.restricted_deadline));
    }
    if constexpr (kTls) {
      self->DoHandshake();
    } else {
      self->DoRead();
    }
  });
}

template <class Stream>
void HttpSession<Stream>::Shutdown() {
  net::post(executor_, [self = this->shared_from_this()] {
    self->stopping_ = true;
    // Idle (waiting for a request, or mid-handshake): close now. Busy: OnWrite closes after the response.
    if (!self->busy_) beast::get_lowest_layer(self->stream_).close();
  });
}

template <class Stream>
void HttpSession<Stream>::Shed() {
  net::post(executor_, [self = this->shared_from_this()] {
    self->stopping_ = true;
    // Idle: close now. A request has begun: it is answered (with Connection: close), then the session closes.
    if (self->idle_) beast::get_lowest_layer(self->stream_).close();
  });
}

template <class Stream>
void HttpSession<Stream>::ArmTimeout(std::chrono::milliseconds timeout) {
  // A restricted connection keeps the one deadline set when it started.
  if (Restricted(admission_)) return;
  beast::get_lowest_layer(stream_).expires_after(timeout);
}

template <class Stream>
void HttpSession<Stream>::ArmTimeout() {
  // Every read, write and handshake gets a deadline, so a slow or silent client cannot hold a connection.
  ArmTimeout(context_->request_timeout);
}

template <class Stream>
void HttpSession<Stream>::SetIdle(bool idle) {
  if (idle_ == idle) return;
  idle_ = idle;
  context_->registry.SetIdle(*registration_, idle);
}

template <class Stream>
void HttpSession<Stream>::DoHandshake() {
  ArmTimeout();
  if constexpr (kTls) {
    stream_.async_handshake(net::ssl::stream_base::server,
                            beast::bind_front_handler(&HttpSession::OnHandshake, this->shared_from_this()));
  }
}

template <class Stream>
void HttpSession<Stream>::OnHandshake(beast::error_code ec) {
  if (ec) return Fail(ec, "TLS handshake");
  DoRead();
}

template <class Stream>
void HttpSession<Stream>::DoRead() {
  if (stopping_) return DoClose();
  // A fresh parser per request; its limits bound the memory one request can take, to prevent abuse.
  parser_.emplace();
  parser_->header_limit(static_cast<std::uint32_t>(context_->limits.max_header_bytes));
  parser_->body_limit(context_->max_body_bytes);
  if (buffer_.size() > 0) return ReadHeader();  // the client sent the next request with the last one
  // Idle until the first bytes of a request arrive (after TLS decryption, so a TLS connection sending
  // only handshake or close records stays idle): until then the connection may be shed to make room.
  SetIdle(true);
  ArmTimeout(context_->idle_timeout);
  stream_.async_read_some(buffer_.prepare(kFirstReadBytes),
                          beast::bind_front_handler(&HttpSession::OnFirstBytes, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnFirstBytes(beast::error_code ec, std::size_t bytes) {
  buffer_.commit(bytes);
  // Shed or shut down while it counted as idle: the socket is closed already, so a request whose bytes
  // arrived just before must not run (its answer could not be written); the client may send it again.
  if (stopping_) return;
  if (ec == net::error::eof) return DoClose();
  if (ec) return Fail(ec, "wait for a request");
  ReadHeader();
}

template <class Stream>
void HttpSession<Stream>::ReadHeader() {
  SetIdle(false);
  ArmTimeout();
  http::async_read_header(stream_, buffer_, *parser_,
                          beast::bind_front_handler(&HttpSession::OnReadHeader, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnReadHeader(beast::error_code ec, std::size_t bytes) {
  if (ec) return OnRead(ec, bytes);
  if (!beast::iequals(parser_->get()[http::field::expect], "100-continue")) return ReadBody();
  // The client waits for a go-ahead before sending the body (curl does for large ones). A body that is
  // too large never gets here: the header's Content-Length already failed the body limit.
  continue_.emplace(http::status::continue_, parser_->get().version());
  ArmTimeout();
  http::async_write(stream_, *continue_, beast::bind_front_handler(&HttpSession::OnContinue, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnContinue(beast::error_code ec, std::size_t) {
  if (ec) return Fail(ec, "write 100 Continue");
  ReadBody();
}

template <class Stream>
void HttpSession<Stream>::ReadBody() {
  ArmTimeout();
  http::async_read(stream_, buffer_, *parser_,
                   beast::bind_front_handler(&HttpSession::OnRead, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnRead(beast::error_code ec, std::size_t) {
  if (ec == http::error::end_of_stream) return DoClose();
  if (ec == http::error::body_limit) {
    return Refuse(413, "payload_too_large",
                  "the request body exceeds " + std::to_string(context_->max_body_bytes) + " bytes");
  }
  if (ec == http::error::header_limit) {
    return Refuse(431, "header_too_large",
                  "the request header exceeds " + std::to_string(context_->limits.max_header_bytes) + " bytes");
  }
  if (ec && ec != http::error::partial_message && IsHttpParseError(ec)) {
    return Refuse(400, "bad_request", "malformed HTTP request: " + ec.message());
  }
  if (ec) return Fail(ec, "read");
  Dispatch(parser_->release());
}

template <class Stream>
void HttpSession<Stream>::Dispatch(BeastRequest&& request) {
  busy_ = true;
  started_ = std::chrono::steady_clock::now();
  version_ = request.version();
  keep_alive_ = request.keep_alive() && !Restricted(admission_);
  head_ = request.method() == http::verb::head;
  method_label_ = MethodLabel(request.method());
  auto converted = FromBeast(std::move(request));
  if (!converted.ok()) return Answer(HttpResponse::Error(400, "bad_request", converted.status().message()));
  if (auto refusal = Refusal(*converted)) return Answer(std::move(*refusal));
  // A cheap, non-blocking handler (Execution::kInline) runs here, on this connection's strand.
  if (context_->dispatcher.RunsInline(converted->method, converted->path)) {
    return DoWrite(context_->dispatcher.Dispatch(std::move(converted).value()));
  }
  // Other handlers may block (store, plugins): they run on the worker pool, and the response comes back to
  // this connection's strand. The task hands its reference to the session over with the response: a
  // worker drops the task object only after it ran (after the client may have read the answer and the
  // server drained), and a session ending there would close its socket and call the observers after
  // their owner had gone.
  auto task = [self = this->shared_from_this(), request = std::move(converted).value()]() mutable {
    DispatchResult result = self->context_->dispatcher.Dispatch(std::move(request));
    const net::any_io_executor strand = self->executor_;
    net::post(strand,
              [self = std::move(self), result = std::move(result)]() mutable { self->DoWrite(std::move(result)); });
  };
  try {
    context_->run_blocking(std::move(task));
  } catch (...) {
    context_->logger->warn("the worker pool refused a request from {}", remote_);
    Answer(HttpResponse::Error(503, "unavailable", "the server cannot take requests now"));
  }
}

template <class Stream>
std::optional<HttpResponse> HttpSession<Stream>::Refusal(const HttpRequest& request) const {
  switch (admission_) {
    case Admission::kOrdinary:
      return std::nullopt;
    case Admission::kReserve:
      if (context_->dispatcher.ServedUnderLoad(request.method, request.path)) return std::nullopt;
      break;
    case Admission::kClientLimit:
      return HttpResponse::Error(429, "too_many_connections",
                                 "this address holds all the connections to the API it may (" +
                                     std::to_string(context_->max_connections_per_client) +
                                     ", or its share of the reserve while the API is busy), none of them idle; "
                                     "reuse or close them, then try again")
          .WithHeader("Retry-After", kRetryAfterSeconds);
    case Admission::kOverloaded:
    case Admission::kDropped:
      break;
  }
  return HttpResponse::Error(503, "overloaded",
                             "the API is at its limit of " + std::to_string(context_->max_connections) +
                                 " busy connections; try again shortly")
      .WithHeader("Retry-After", kRetryAfterSeconds);
}

template <class Stream>
void HttpSession<Stream>::Refuse(unsigned status, std::string_view code, const std::string& message) {
  busy_ = true;
  started_ = std::chrono::steady_clock::now();
  const bool header_read = parser_ && parser_->is_header_done();
  version_ = header_read ? parser_->get().version() : 11;
  head_ = header_read && parser_->get().method() == http::verb::head;
  method_label_ = header_read ? MethodLabel(parser_->get().method()) : std::string("other");
  drain_after_write_ = true;
  Answer(HttpResponse::Error(status, code, message));
}

template <class Stream>
void HttpSession<Stream>::Answer(HttpResponse&& response) {
  keep_alive_ = false;
  DoWrite({std::move(response), std::string(kUnmatchedRoute)});
}

template <class Stream>
void HttpSession<Stream>::DoWrite(DispatchResult&& result) {
  route_ = std::move(result.route);
  response_ = ToBeast(std::move(result.response), version_, keep_alive_ && !stopping_);
  if (head_) OmitBody(*response_);
  context_->logger->debug("{} {} {} -> {}", remote_, method_label_, route_, response_->result_int());
  ArmTimeout();
  http::async_write(stream_, *response_, beast::bind_front_handler(&HttpSession::OnWrite, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnWrite(beast::error_code ec, std::size_t) {
  busy_ = false;
  Report();
  if (ec) return Fail(ec, "write");
  if (drain_after_write_) return DoDrain();
  if (!response_->keep_alive()) return DoClose();
  response_.reset();
  DoRead();
}

template <class Stream>
void HttpSession<Stream>::Report() {
  if (!context_->observers.request) return;
  std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  try {
    context_->observers.request(RequestMetric{route_, method_label_, response_->result_int(), elapsed.count()});
  } catch (const std::exception& error) {
    context_->logger->warn("the request observer failed: {}", error.what());
  }
}

template <class Stream>
void HttpSession<Stream>::DoDrain() {
  // The client may still be sending the request we refused; closing with unread bytes would reset the
  // connection and could destroy the response before the client reads it. Read and discard instead,
  // within one timeout in total.
  if constexpr (!kTls) {
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
  buffer_.consume(buffer_.size());
  ArmTimeout();
  stream_.async_read_some(buffer_.prepare(4096),
                          beast::bind_front_handler(&HttpSession::OnDrain, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::OnDrain(beast::error_code ec, std::size_t) {
  if (ec || stopping_) return beast::get_lowest_layer(stream_).close();
  stream_.async_read_some(buffer_.prepare(4096),
                          beast::bind_front_handler(&HttpSession::OnDrain, this->shared_from_this()));
}

template <class Stream>
void HttpSession<Stream>::DoClose() {
  if constexpr (kTls) {
    ArmTimeout();
    stream_.async_shutdown(beast::bind_front_handler(&HttpSession::OnShutdown, this->shared_from_this()));
  } else {
    // Half-close: the client reads the end of the stream; the socket closes when the session is released.
    beast::error_code ignored;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ignored);
  }
}

template <class Stream>
void HttpSession<Stream>::OnShutdown(beast::error_code ec) {
  if (ec) Fail(ec, "TLS shutdown");
}

template <class Stream>
void HttpSession<Stream>::Fail(beast::error_code ec, const char* what) {
  // Ordinary ends of a connection: we closed it (Stop), or the peer left without a TLS close_notify.
  if (ec == net::error::operation_aborted || ec == net::ssl::error::stream_truncated) return;
  context_->logger->debug("connection from {}: {}: {}", remote_, what, ec.message());
}

template class HttpSession<PlainStream>;
template class HttpSession<TlsStream>;

}  // namespace hub::api
