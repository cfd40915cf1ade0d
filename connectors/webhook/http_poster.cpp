#include "webhook/http_poster.hpp"

#include <algorithm>
#include <mutex>
#include <string_view>

#include <curl/curl.h>

namespace hub::webhook {
namespace {

// libcurl's global setup is not safe to run concurrently with anything else of libcurl: once per process.
void InitializeCurlOnce() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

size_t KeepReplyStart(char* data, size_t size, size_t count, void* user) {
  auto* body = static_cast<std::string*>(user);
  const size_t bytes = size * count;
  if (body->size() < kKeptReplyBytes) body->append(data, std::min(bytes, kKeptReplyBytes - body->size()));
  return bytes;
}

// `url` as messages may show it: without the user name and password of its authority (user:pass@) and
// without its query and fragment, which often carry an access token.
std::string UrlForMessages(std::string_view url) {
  const std::size_t scheme_end = url.find("://");
  const std::size_t authority = scheme_end == std::string_view::npos ? 0 : scheme_end + 3;
  const std::size_t path = std::min(url.find_first_of("/?#", authority), url.size());
  const std::size_t at = url.substr(authority, path - authority).rfind('@');
  const std::size_t host = at == std::string_view::npos ? authority : authority + at + 1;
  const std::size_t query = std::min(url.find_first_of("?#", path), url.size());
  return std::string(url.substr(0, authority)) + std::string(url.substr(host, query - host));
}

struct HeaderList {
  curl_slist* list = nullptr;
  ~HeaderList() { curl_slist_free_all(list); }
};

}  // namespace

struct HttpPoster::Handle {
  CURL* curl = nullptr;
  WebhookOptions options;
  std::string shown_url;  // options.url without its credentials, for messages
  ~Handle() {
    if (curl != nullptr) curl_easy_cleanup(curl);
  }
};

HttpPoster::HttpPoster(std::unique_ptr<Handle> handle) : handle_(std::move(handle)) {}
HttpPoster::HttpPoster(HttpPoster&&) noexcept = default;
HttpPoster& HttpPoster::operator=(HttpPoster&&) noexcept = default;
HttpPoster::~HttpPoster() = default;

sdk::Result<HttpPoster> HttpPoster::Create(const WebhookOptions& options) {
  InitializeCurlOnce();
  auto handle = std::make_unique<Handle>();
  handle->curl = curl_easy_init();
  if (handle->curl == nullptr) return sdk::Status::Internal("libcurl could not make a handle");
  handle->options = options;
  handle->shown_url = UrlForMessages(options.url);
  return HttpPoster(std::move(handle));
}

sdk::Result<HttpReply> HttpPoster::Post(const std::vector<std::string>& headers, std::string_view body) {
  CURL* curl = handle_->curl;
  const WebhookOptions& options = handle_->options;
  curl_easy_reset(curl);
  HeaderList list;
  for (const std::string& header : headers) list.list = curl_slist_append(list.list, header.c_str());
  // Without this, libcurl sends "Expect: 100-continue" for larger bodies and waits for the server.
  list.list = curl_slist_append(list.list, "Expect:");
  HttpReply reply;
  char error[CURL_ERROR_SIZE] = {};
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_URL, options.url.c_str());
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list.list);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(options.timeout.count()));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(options.connect_timeout.count()));
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, options.verify_tls ? 1L : 0L);
  curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, options.verify_tls ? 2L : 0L);
  if (!options.ca_file.empty()) curl_easy_setopt(curl, CURLOPT_CAINFO, options.ca_file.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, KeepReplyStart);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &reply.body);
  const CURLcode code = curl_easy_perform(curl);
  if (code != CURLE_OK) {
    const std::string reason = error[0] != '\0' ? error : curl_easy_strerror(code);
    return sdk::Status::Unavailable("POST " + handle_->shown_url + ": " + reason);
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &reply.status);
  return reply;
}

}  // namespace hub::webhook
