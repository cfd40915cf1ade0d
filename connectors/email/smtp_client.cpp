#include "email/smtp_client.hpp"

#include <algorithm>
#include <cstring>
#include <mutex>
#include <utility>

#include <curl/curl.h>

namespace hub::email {
namespace {

// libcurl's global setup is not safe to run concurrently with anything else of libcurl: once per process.
void InitializeCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  std::string_view rest;
};

size_t ReadUpload(char* buffer, size_t size, size_t count, void* user) {
  auto* upload = static_cast<Upload*>(user);
  const std::size_t bytes = std::min(size * count, upload->rest.size());
  std::memcpy(buffer, upload->rest.data(), bytes);
  upload->rest.remove_prefix(bytes);
  return bytes;
}

struct RecipientList {
  curl_slist* list = nullptr;
  ~RecipientList() { curl_slist_free_all(list); }
};

bool IsAuthenticationCode(long code) { return code == 530 || code == 534 || code == 535 || code == 538; }

}  // namespace

sdk::Status CheckSmtpUrl(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  const std::string_view scheme = url.substr(0, scheme_end);
  if (scheme_end == std::string_view::npos || (scheme != "smtps" && scheme != "smtp")) {
    return sdk::Status::InvalidArgument("'" + std::string(url) +
                                        "' is not an smtps:// (implicit TLS) or smtp:// (STARTTLS) address");
  }
  const std::string_view authority = url.substr(scheme_end + 3, url.find('/', scheme_end + 3) - scheme_end - 3);
  if (authority.empty() || authority.front() == ':' || authority.find('@') != std::string_view::npos) {
    return sdk::Status::InvalidArgument("'" + std::string(url) +
                                        "' names no host (give the user and password as their own options)");
  }
  return sdk::Status::Ok();
}

struct SmtpClient::Handle {
  CURL* curl = nullptr;
  SmtpServer server;
  std::int64_t connections = 0;
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

SmtpClient::SmtpClient(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
SmtpClient::SmtpClient(SmtpClient&&) noexcept = default;
SmtpClient& SmtpClient::operator=(SmtpClient&&) noexcept = default;
SmtpClient::~SmtpClient() = default;

sdk::Result<SmtpClient> SmtpClient::Create(SmtpServer server) {
  HUB_RETURN_IF_ERROR(CheckSmtpUrl(server.url));
  InitializeCurlOnce();
  auto handle = std::make_unique<Handle>();
  handle->curl = curl_easy_init();
  if (handle->curl == nullptr) return sdk::Status::Internal("libcurl could not make a handle");
  handle->server = std::move(server);
  CURL* curl = handle->curl;
  const SmtpServer& s = handle->server;
  curl_easy_setopt(curl, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // smtp:// without a server's STARTTLS is refused, never sent in the clear.
  curl_easy_setopt(curl, CURLOPT_USE_SSL, static_cast<long>(CURLUSESSL_ALL));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!s.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, s.ca_file.c_str());
  if (!s.user.empty()) {
    curl_easy_setopt(curl, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, s.password.c_str());
  }
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(s.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(s.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(curl, CURLOPT_READFUNCTION, ReadUpload);
  return SmtpClient(std::move(handle));
}

sdk::Status SmtpClient::Send(const std::string& envelope_from, const std::vector<std::string>& recipients,
                             std::string_view message) {
  CURL* curl = handle_->curl;
  const std::string from = "<" + envelope_from + ">";
  RecipientList list;
  for (const std::string& recipient : recipients) {
    list.list = curl_slist_append(list.list, ("<" + recipient + ">").c_str());
  }
  Upload upload{message};
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, list.list);
  curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
  curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  const CURLcode code = curl_easy_perform(curl);
  long connects = 0;
  curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects);
  handle_->connections += connects;
  curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, nullptr);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, nullptr);
  if (code == CURLE_OK) return sdk::Status::Ok();
  long reply = 0;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply);
  std::string message_text = "SMTP " + handle_->server.url + ": ";
  if (code == CURLE_LOGIN_DENIED) {
    message_text +=
        "the server refused the login of user '" + handle_->server.user + "' (wrong user name or password?)";
  } else {
    message_text += error[0] != '\0' ? error : curl_easy_strerror(code);
  }
  if (reply != 0) message_text += " (server reply " + std::to_string(reply) + ")";
  const bool refused_for_good =
      code != CURLE_LOGIN_DENIED && reply >= 500 && reply < 600 && !IsAuthenticationCode(reply);
  return refused_for_good ? sdk::Status::DataError(message_text) : sdk::Status::Unavailable(message_text);
}

std::int64_t SmtpClient::connections_opened() const { return handle_->connections; }

}  // namespace hub::email
