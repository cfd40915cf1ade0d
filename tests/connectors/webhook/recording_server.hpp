// A real HTTP(S) server on loopback for the webhook tests: records every request it gets and answers
// each with the next scripted status.
#ifndef HUB_TESTS_CONNECTORS_WEBHOOK_RECORDING_SERVER_HPP_
#define HUB_TESTS_CONNECTORS_WEBHOOK_RECORDING_SERVER_HPP_

#include <deque>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hub::webhook::test {

struct RecordedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // by lowercase name
  std::string body;

  // The header's value, or "" when it was not sent.
  std::string Header(const std::string& lowercase_name) const;
};

struct TlsFiles {
  std::filesystem::path certificate;
  std::filesystem::path private_key;
};

// Listens on 127.0.0.1 on a free port from construction, serving on a thread of its own until destroyed.
// Each request is recorded before it is answered, so when a client's call returns, its request is in
// requests(). Thread-safe.
class RecordingServer {
 public:
  // Plain HTTP, or HTTPS with `tls`.
  explicit RecordingServer(std::optional<TlsFiles> tls = std::nullopt);
  ~RecordingServer();
  RecordingServer(const RecordingServer&) = delete;
  RecordingServer& operator=(const RecordingServer&) = delete;

  unsigned short port() const;
  std::string Url() const;  // "http(s)://127.0.0.1:<port>/events"

  // The statuses of the next answers, in order; once used up, 200.
  void ScriptStatuses(std::vector<unsigned> statuses);
  // From now on, records requests and never answers them (until destroyed).
  void StopAnswering();

  std::vector<RecordedRequest> requests() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A loopback port with nothing listening on it (bound once, then closed).
unsigned short ClosedPort();

}  // namespace hub::webhook::test

#endif  // HUB_TESTS_CONNECTORS_WEBHOOK_RECORDING_SERVER_HPP_
