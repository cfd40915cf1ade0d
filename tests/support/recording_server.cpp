#include "support/recording_server.hpp"

#include <cctype>
#include <chrono>
#include <mutex>
#include <random>
#include <thread>

#include <boost/asio.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>

namespace hub::test {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string Lowercase(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

std::string RecordedRequest::Header(const std::string& lowercase_name) const {
  auto it = headers.find(lowercase_name);
  return it == headers.end() ? std::string() : it->second;
}

struct RecordingServer::State {
  asio::io_context io;
  tcp::acceptor acceptor{io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)};
  std::optional<asio::ssl::context> tls;
  unsigned short port = acceptor.local_endpoint().port();
  std::thread thread;

  mutable std::mutex mutex;
  std::vector<RecordedRequest> requests;      // guarded by mutex
  std::deque<unsigned> statuses;              // guarded by mutex
  bool answering = true;                      // guarded by mutex
  double fail_fraction = 0;                   // guarded by mutex
  std::chrono::milliseconds answer_delay{0};  // guarded by mutex
  std::mt19937 random;                        // guarded by mutex

  // Records `request` and says the status to answer it with, or nullopt: answer nothing.
  std::optional<unsigned> Record(const http::request<http::string_body>& request) {
    RecordedRequest recorded{std::string(request.method_string()), std::string(request.target()), {}, request.body()};
    for (const auto& field : request) {
      recorded.headers[Lowercase(std::string(field.name_string()))] = std::string(field.value());
    }
    std::lock_guard lock(mutex);
    std::optional<unsigned> status;
    if (answering && !statuses.empty()) {
      status = statuses.front();
      statuses.pop_front();
    } else if (answering) {
      status = std::uniform_real_distribution<double>(0, 1)(random) < fail_fraction ? 503u : 200u;
    }
    recorded.status = status.value_or(0);
    requests.push_back(std::move(recorded));
    return status;
  }

  std::chrono::milliseconds AnswerDelay() const {
    std::lock_guard lock(mutex);
    return answer_delay;
  }

  template <typename Stream>
  asio::awaitable<void> Serve(Stream& stream) {
    beast::flat_buffer buffer;
    for (;;) {
      http::request<http::string_body> request;
      co_await http::async_read(stream, buffer, request, asio::use_awaitable);
      const std::optional<unsigned> status = Record(request);
      if (!status) {
        // Hold the connection open, answering nothing, until the server goes away.
        asio::steady_timer forever(io, asio::steady_timer::time_point::max());
        co_await forever.async_wait(asio::use_awaitable);
      }
      if (const std::chrono::milliseconds delay = AnswerDelay(); delay.count() > 0) {
        asio::steady_timer wait(io, delay);
        co_await wait.async_wait(asio::use_awaitable);
      }
      http::response<http::string_body> response{static_cast<http::status>(*status), request.version()};
      response.set(http::field::content_type, "text/plain");
      response.body() = "answer " + std::to_string(*status);
      response.keep_alive(request.keep_alive());
      response.prepare_payload();
      co_await http::async_write(stream, response, asio::use_awaitable);
      if (!request.keep_alive()) co_return;
    }
  }

  asio::awaitable<void> Session(tcp::socket socket) {
    try {
      if (!tls) {
        co_await Serve(socket);
      } else {
        beast::ssl_stream<tcp::socket> stream(std::move(socket), *tls);
        co_await stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
        co_await Serve(stream);
      }
    } catch (const std::exception&) {
      // The client went away or refused the handshake: this connection is done.
    }
  }

  asio::awaitable<void> Accept() {
    for (;;) {
      tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
      asio::co_spawn(io, Session(std::move(socket)), asio::detached);
    }
  }
};

RecordingServer::RecordingServer(std::optional<CertificateFiles> tls) : state_(std::make_unique<State>()) {
  if (tls) {
    state_->tls.emplace(asio::ssl::context::tls_server);
    state_->tls->use_certificate_chain_file(tls->certificate.string());
    state_->tls->use_private_key_file(tls->private_key.string(), asio::ssl::context::pem);
  }
  asio::co_spawn(state_->io, state_->Accept(), asio::detached);
  state_->thread = std::thread([state = state_.get()] { state->io.run(); });
}

RecordingServer::~RecordingServer() {
  state_->io.stop();
  state_->thread.join();
}

unsigned short RecordingServer::port() const { return state_->port; }

std::string RecordingServer::Url() const {
  return std::string(state_->tls ? "https" : "http") + "://127.0.0.1:" + std::to_string(port()) + "/events";
}

void RecordingServer::ScriptStatuses(std::vector<unsigned> statuses) {
  std::lock_guard lock(state_->mutex);
  state_->statuses.assign(statuses.begin(), statuses.end());
}

void RecordingServer::FailAtRandom(double fraction, std::uint32_t seed) {
  std::lock_guard lock(state_->mutex);
  state_->fail_fraction = fraction;
  state_->random.seed(seed);
}

void RecordingServer::AnswerAfter(std::chrono::milliseconds delay) {
  std::lock_guard lock(state_->mutex);
  state_->answer_delay = delay;
}

void RecordingServer::StopAnswering() {
  std::lock_guard lock(state_->mutex);
  state_->answering = false;
}

std::vector<RecordedRequest> RecordingServer::requests() const {
  std::lock_guard lock(state_->mutex);
  return state_->requests;
}

std::size_t RecordingServer::request_count() const {
  std::lock_guard lock(state_->mutex);
  return state_->requests.size();
}

unsigned short ClosedPort() {
  asio::io_context io;
  tcp::acceptor acceptor(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
  return acceptor.local_endpoint().port();
}

}  // namespace hub::test
