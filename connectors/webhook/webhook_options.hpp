// The webhook connector's options: their schema (the one table the host validates and the README shows)
// and their parsed form.
#ifndef HUB_CONNECTORS_WEBHOOK_WEBHOOK_OPTIONS_HPP_
#define HUB_CONNECTORS_WEBHOOK_WEBHOOK_OPTIONS_HPP_

#include <chrono>
#include <string>

#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::webhook {

// Validated options of one webhook connector instance. A plain value.
struct WebhookOptions {
  std::string url;     // http:// or https://
  std::string secret;  // the HMAC-SHA256 key (never print it); empty: requests are not signed
  std::chrono::milliseconds timeout{std::chrono::seconds(10)};
  std::chrono::milliseconds connect_timeout{std::chrono::seconds(5)};
  bool verify_tls = true;
  std::string ca_file;  // empty: the system's trusted certificates
};

// The plugin's self-description: name "webhook", kind "connector", outbound only (reads = false,
// writes_events = true), every option with type, default, whether it is required and what it does. Pure;
// thread-safe.
sdk::PluginDescription DescribeWebhookConnector();

// Parses the values the host validated against DescribeWebhookConnector() (absent options take their
// defaults). InvalidArgument naming the option for what the schema cannot express: a url that is not
// http:// or https://, a zero or bad timeout.
sdk::Result<WebhookOptions> ParseWebhookOptions(const sdk::Options& options);

}  // namespace hub::webhook

#endif  // HUB_CONNECTORS_WEBHOOK_WEBHOOK_OPTIONS_HPP_
