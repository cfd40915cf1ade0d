#include "webhook/webhook_options.hpp"

#include <utility>

#ifndef HUB_WEBHOOK_CONNECTOR_VERSION
#error "HUB_WEBHOOK_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::webhook {
namespace {

using sdk::OptionType;

bool StartsWith(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

sdk::Result<std::chrono::milliseconds> PositiveDuration(const sdk::Options& options, std::string_view name,
                                                        std::chrono::milliseconds fallback) {
  sdk::Result<std::chrono::milliseconds> value = options.GetDuration(name, fallback);
  if (!value.ok()) return value.status().WithContext("option '" + std::string(name) + "'");
  if (value->count() <= 0) {
    return sdk::Status::InvalidArgument("option '" + std::string(name) + "' must be longer than zero");
  }
  return value;
}

}  // namespace

sdk::PluginDescription DescribeWebhookConnector() {
  sdk::PluginDescription description;
  description.name = "webhook";
  description.version = HUB_WEBHOOK_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Delivers events to an HTTP(S) endpoint: one signed JSON POST per event, with the event id as its "
      "Idempotency-Key.";
  description.options = {
      {"url", OptionType::kString, std::nullopt, true,
       "The endpoint every event is POSTed to (`https://erp.example.com/hub/events`; `http://` too)."},
      {"secret", OptionType::kSecret, std::nullopt, false,
       "The key of the `X-Hub-Signature-256` header: `sha256=` and the lowercase hex HMAC-SHA256 of the exact "
       "body bytes. Give it as `${env:NAME}` or `${file:PATH}`; never logged. Unset: requests are not signed."},
      {"timeout", OptionType::kDuration, "10s", false,
       "The longest one request may take, connecting included. Exceeded: the delivery is tried again later."},
      {"connect_timeout", OptionType::kDuration, "5s", false,
       "The longest the connection (TCP and TLS handshake) may take to set up."},
      {"verify_tls", OptionType::kBoolean, "true", false,
       "Check the `https://` server's certificate and host name. Turn off only for a test system."},
      {"ca_file", OptionType::kPath, std::nullopt, false,
       "A PEM file of the certificate authorities to trust instead of the system's (a private CA, or a "
       "self-signed server certificate)."},
  };
  description.capabilities = {.reads = false, .writes_events = true};
  return description;
}

sdk::Result<WebhookOptions> ParseWebhookOptions(const sdk::Options& options) {
  WebhookOptions parsed;
  parsed.url = options.GetString("url");
  if (!StartsWith(parsed.url, "http://") && !StartsWith(parsed.url, "https://")) {
    return sdk::Status::InvalidArgument("option 'url': '" + parsed.url + "' is not an http:// or https:// address");
  }
  parsed.secret = options.GetString("secret");
  sdk::Result<std::chrono::milliseconds> timeout = PositiveDuration(options, "timeout", parsed.timeout);
  if (!timeout.ok()) return timeout.status();
  parsed.timeout = *timeout;
  sdk::Result<std::chrono::milliseconds> connect = PositiveDuration(options, "connect_timeout", parsed.connect_timeout);
  if (!connect.ok()) return connect.status();
  parsed.connect_timeout = *connect;
  sdk::Result<bool> verify = options.GetBool("verify_tls", parsed.verify_tls);
  if (!verify.ok()) return verify.status();
  parsed.verify_tls = *verify;
  parsed.ca_file = options.GetString("ca_file");
  return parsed;
}

}  // namespace hub::webhook
