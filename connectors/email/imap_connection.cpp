#include "email/imap_connection.hpp"

#include <poll.h>

#include <algorithm>
#include <mutex>
#include <utility>

#include <curl/curl.h>

namespace hub::email {
namespace {

using Clock = std::chrono::steady_clock;

// How long one wait for the socket lasts before the cancellation is asked again.
constexpr std::chrono::milliseconds kWaitSlice{200};

// libcurl's global setup is not safe to run concurrently with anything else of libcurl: once per process.
void InitializeCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// libcurl's progress callback, asked while it connects and logs in: a non-zero answer aborts.
int AbortWhenCancelled(void* user, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  const auto* cancelled = static_cast<const std::function<bool()>*>(user);
  return *cancelled && (*cancelled)() ? 1 : 0;
}

// libcurl's login options for `login` ("AUTH=*" picks a SASL mechanism, falling back to the LOGIN command).
const char* LoginOptions(ImapLogin login) {
  switch (login) {
    case ImapLogin::kPlain:
      return "AUTH=PLAIN";
    case ImapLogin::kLogin:
      return "AUTH=LOGIN";
    case ImapLogin::kAuto:
      break;
  }
  return "AUTH=*";
}

// Whose fault a failed connect-and-login is: the configuration's (a retry cannot mend it) or the moment's.
sdk::Status OpenFailure(const ImapServer& server, CURLcode code, const char* error) {
  const std::string reason = error[0] != '\0' ? error : curl_easy_strerror(code);
  const std::string where = "IMAP server " + server.url;
  switch (code) {
    case CURLE_ABORTED_BY_CALLBACK:
      return sdk::Status::Cancelled(where + ": connecting was cancelled");
    case CURLE_LOGIN_DENIED:
      return sdk::Status::InvalidArgument(where + " refused the login of user '" + server.user +
                                          "': check the user and the password secret (" + reason + ")");
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
      return sdk::Status::InvalidArgument(where + ": its TLS certificate is not trusted: " + reason +
                                          " (the CA file option names the authority to trust)");
    case CURLE_USE_SSL_FAILED:
      return sdk::Status::InvalidArgument(where +
                                          " does not offer STARTTLS, and the connection never goes on in "
                                          "plain text (use imaps:// if it speaks implicit TLS)");
    case CURLE_UNSUPPORTED_PROTOCOL:
    case CURLE_URL_MALFORMAT:
      return sdk::Status::InvalidArgument(where + ": not an imap:// or imaps:// URL (" + reason + ")");
    default:
      return sdk::Status::Unavailable(where + " cannot be reached: " + reason);
  }
}

enum class Wait { kReady, kTimedOut, kCancelled };

// Waits until the socket is ready for `events`, in slices so that a cancellation is seen.
Wait WaitForSocket(CURL* curl, short events, Clock::time_point deadline, const std::function<bool()>& cancelled) {
  curl_socket_t socket = CURL_SOCKET_BAD;
  curl_easy_getinfo(curl, CURLINFO_ACTIVESOCKET, &socket);
  for (;;) {
    if (cancelled && cancelled()) return Wait::kCancelled;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    if (left.count() <= 0) return Wait::kTimedOut;
    pollfd descriptor{socket, events, 0};
    if (poll(&descriptor, 1, static_cast<int>(std::min(left, kWaitSlice).count())) != 0) return Wait::kReady;
  }
}

}  // namespace

struct ImapConnection::Handle {
  CURL* curl = nullptr;
  std::string url;
  std::chrono::milliseconds timeout{0};
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

ImapConnection::ImapConnection(std::unique_ptr<Handle> handle, std::function<bool()> cancelled)
    : handle_(std::move(handle)), cancelled_(std::move(cancelled)) {}

ImapConnection::~ImapConnection() = default;

sdk::Result<std::unique_ptr<ImapConnection>> ImapConnection::Open(const ImapServer& server,
                                                                  std::function<bool()> cancelled) {
  InitializeCurlOnce();
  auto handle = std::make_unique<Handle>();
  handle->curl = curl_easy_init();
  if (handle->curl == nullptr) return sdk::Status::Internal("libcurl could not make a handle");
  handle->url = server.url;
  handle->timeout = server.timeout;
  CURL* curl = handle->curl;
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_URL, server.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "imap,imaps");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERNAME, server.user.c_str());
  curl_easy_setopt(curl, CURLOPT_PASSWORD, server.password.c_str());
  curl_easy_setopt(curl, CURLOPT_LOGIN_OPTIONS, LoginOptions(server.login));
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!server.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, server.ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(server.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(server.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
  curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, AbortWhenCancelled);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, &cancelled);
  curl_easy_setopt(curl, CURLOPT_CONNECT_ONLY, 1L);
  const CURLcode code = curl_easy_perform(curl);
  // The options that point at this function's locals are not used past the login.
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 1L);
  curl_easy_setopt(curl, CURLOPT_XFERINFODATA, nullptr);
  if (code != CURLE_OK) return OpenFailure(server, code, error);
  return std::unique_ptr<ImapConnection>(new ImapConnection(std::move(handle), std::move(cancelled)));
}

sdk::Status ImapConnection::Fail(sdk::Status status) {
  broken_ = true;
  return status;
}

sdk::Status ImapConnection::Send(std::string_view bytes) {
  const Clock::time_point deadline = Clock::now() + handle_->timeout;
  while (!bytes.empty()) {
    std::size_t sent = 0;
    const CURLcode code = curl_easy_send(handle_->curl, bytes.data(), bytes.size(), &sent);
    if (code == CURLE_OK) {
      bytes.remove_prefix(sent);
      continue;
    }
    if (code != CURLE_AGAIN) {
      return Fail(
          sdk::Status::Unavailable("IMAP server " + handle_->url + ": sending failed: " + curl_easy_strerror(code)));
    }
    const Wait wait = WaitForSocket(handle_->curl, POLLOUT, deadline, cancelled_);
    if (wait == Wait::kCancelled) return Fail(sdk::Status::Cancelled("IMAP command cancelled"));
    if (wait == Wait::kTimedOut) {
      return Fail(sdk::Status::Unavailable("IMAP server " + handle_->url + " takes nothing more (timed out)"));
    }
  }
  return sdk::Status::Ok();
}

sdk::Result<ImapResponse> ImapConnection::Receive() {
  Clock::time_point deadline = Clock::now() + handle_->timeout;
  for (;;) {
    if (std::optional<ImapResponse> response = reader_.Next()) return std::move(*response);
    char buffer[64 * 1024];
    std::size_t received = 0;
    const CURLcode code = curl_easy_recv(handle_->curl, buffer, sizeof buffer, &received);
    if (code == CURLE_OK && received > 0) {
      reader_.Feed(std::string_view(buffer, received));
      deadline = Clock::now() + handle_->timeout;
      continue;
    }
    if (code == CURLE_OK) {
      return Fail(sdk::Status::Unavailable("IMAP server " + handle_->url + " closed the connection"));
    }
    if (code != CURLE_AGAIN) {
      return Fail(
          sdk::Status::Unavailable("IMAP server " + handle_->url + ": receiving failed: " + curl_easy_strerror(code)));
    }
    const Wait wait = WaitForSocket(handle_->curl, POLLIN, deadline, cancelled_);
    if (wait == Wait::kCancelled) return Fail(sdk::Status::Cancelled("IMAP command cancelled"));
    if (wait == Wait::kTimedOut) {
      return Fail(sdk::Status::Unavailable("IMAP server " + handle_->url + " did not answer within " +
                                           std::to_string(handle_->timeout.count()) + " ms"));
    }
  }
}

sdk::Result<ImapReply> ImapConnection::Run(std::string_view command) {
  if (broken_) return sdk::Status::Unavailable("IMAP server " + handle_->url + ": the connection is broken");
  // "h" keeps these tags apart from libcurl's own ("A001"...) in the server's logs.
  const std::string tag = "h" + std::to_string(next_tag_++);
  if (sdk::Status sent = Send(tag + " " + std::string(command) + "\r\n"); !sent.ok()) return sent;
  ImapReply reply;
  for (;;) {
    sdk::Result<ImapResponse> response = Receive();
    if (!response.ok()) return response.status();
    std::string& text = response->text;
    if (text.starts_with("* BYE")) {
      return Fail(sdk::Status::Unavailable("IMAP server " + handle_->url + " ended the session: " + text.substr(2)));
    }
    if (text.starts_with("* ")) {
      reply.untagged.push_back(std::move(*response));
      continue;
    }
    if (text.size() > tag.size() && text.starts_with(tag) && text[tag.size()] == ' ') {
      const std::size_t condition_end = std::min(text.find(' ', tag.size() + 1), text.size());
      reply.condition = text.substr(tag.size() + 1, condition_end - tag.size() - 1);
      reply.text = condition_end < text.size() ? text.substr(condition_end + 1) : std::string();
      return reply;
    }
    // A continuation request or another tag: nothing this client sends asks for either.
    return Fail(
        sdk::Status::Unavailable("IMAP server " + handle_->url + " answered '" + text.substr(0, 80) + "' to " + tag));
  }
}

}  // namespace hub::email
