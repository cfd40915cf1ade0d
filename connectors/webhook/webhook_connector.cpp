// The `webhook` connector plugin: events POSTed as signed JSON to an HTTP(S) endpoint (see README.md).
#include <memory>
#include <optional>

#include "hub/sdk/sdk.hpp"
#include "webhook/webhook_options.hpp"
#include "webhook/webhook_sender.hpp"

namespace hub::webhook {

// The plugin class: parses its options into a WebhookSender and forwards to it. Outbound only: it reads no
// records. Lives as long as the hub's connector instance; the hub never calls it concurrently.
class WebhookConnector final : public sdk::Connector {
 public:
  explicit WebhookConnector(sdk::Context& /*context*/) {}

  static sdk::PluginDescription Describe() { return DescribeWebhookConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<WebhookOptions> parsed = ParseWebhookOptions(options);
    if (!parsed.ok()) return parsed.status();
    sdk::Result<WebhookSender> sender = WebhookSender::Create(std::move(parsed).value());
    if (!sender.ok()) return sender.status();
    sender_.emplace(std::move(sender).value());
    return sdk::Status::Ok();
  }

  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events) override {
    if (!sender_) return sdk::Status::Internal("the webhook connector was not configured");
    return sender_->Deliver(events);
  }

 private:
  std::optional<WebhookSender> sender_;
};

}  // namespace hub::webhook

HUB_EXPORT_CONNECTOR(hub::webhook::WebhookConnector)
