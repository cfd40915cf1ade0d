// A real HTTP(S) server on loopback for tests of event delivery (the webhook connector's own tests and the
// end-to-end ones): records every request it gets and answers each with the next scripted status, or a
// 503 at random.
#ifndef HUB_TESTS_SUPPORT_RECORDING_SERVER_HPP_
#define HUB_TESTS_SUPPORT_RECORDING_SERVER_HPP_

#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/test_certificate.hpp"

namespace hub::test {

struct RecordedRequest {
  std::string method;
  std::string target;
  std::map<std::string, std::string> headers;  // by lowercase name
  std::string body;
  unsigned status = 0;  // the status answered; 0 when the server answered nothing

  // The header's value, or "" when it was not sent.
  std::string Header(const std::string& lowercase_name) const;
};

// Listens on 127.0.0.1 on a free port from construction, serving on a thread of its own until destroyed.
// Each request is recorded before it is answered, so when a client's call returns, its request is in
// requests(). Thread-safe.
class RecordingServer {
 public:
  // Plain HTTP, or HTTPS with `tls`.
  explicit RecordingServer(std::optional<CertificateFiles> tls = std::nullopt);
  ~RecordingServer();
  RecordingServer(const RecordingServer&) = delete;
  RecordingServer& operator=(const RecordingServer&) = delete;

  unsigned short port() const;
  std::string Url() const;  // "http(s)://127.0.0.1:<port>/events"

  // The statuses of the next answers, in order; once used up, 200 (or a random 503, below).
  void ScriptStatuses(std::vector<unsigned> statuses);
  // From now on, answers 503 to a request not answered by the script with probability `fraction`
  // (0 to 1), drawn from a generator seeded with `seed` (so a failing run can be repeated).
  void FailAtRandom(double fraction, std::uint32_t seed);
  // From now on, answers each request `delay` after it came (a slow receiver: the client's requests arrive
  // a few at a time, so a test can act between them).
  void AnswerAfter(std::chrono::milliseconds delay);
  // From now on, records requests and never answers them (until destroyed).
  void StopAnswering();

  std::vector<RecordedRequest> requests() const;
  // requests().size(), without the copy.
  std::size_t request_count() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// A loopback port with nothing listening on it (bound once, then closed).
unsigned short ClosedPort();

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_RECORDING_SERVER_HPP_
