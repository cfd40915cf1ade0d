// The `email` connector plugin: mail from a Maildir tree, one activity record per message (see README.md).
#include <memory>
#include <optional>
#include <string_view>

#include "email/email_options.hpp"
#include "email/email_source.hpp"
#include "email/maildir_mailbox.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::email {

// The plugin class: parses its options into an EmailSource over its mailbox and forwards to it, with the
// hub's clock. Lives as long as the hub's connector instance; the hub never calls it concurrently.
class EmailConnector final : public sdk::Connector {
 public:
  explicit EmailConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeEmailConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<EmailOptions> parsed = ParseEmailOptions(options);
    if (!parsed.ok()) return parsed.status();
    std::optional<AttachmentStore> attachments;
    if (parsed->attachment_dir) attachments.emplace(*parsed->attachment_dir);
    source_ = std::make_unique<EmailSource>(std::make_unique<MaildirMailbox>(parsed->maildir), parsed->rules,
                                            std::move(attachments), sdk::ContextClock(context_));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) return sdk::Status::Internal("the email connector was not configured");
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Internal("the email connector was not configured");
    return source_->CheckHealth();
  }

 private:
  sdk::Context& context_;
  std::unique_ptr<EmailSource> source_;
};

}  // namespace hub::email

HUB_EXPORT_CONNECTOR(hub::email::EmailConnector)
