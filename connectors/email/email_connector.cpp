// The `email` connector plugin: mail from a Maildir tree or an IMAP account, one activity record per message,
// and with smtp_url the events of a delivery job mailed from templates (see README.md).
#include <memory>
#include <optional>
#include <string_view>

#include "email/email_options.hpp"
#include "email/email_source.hpp"
#include "email/imap_mailbox.hpp"
#include "email/mail_sender.hpp"
#include "email/maildir_mailbox.hpp"
#include "email/outbound_mail_options.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/sdk.hpp"

namespace hub::email {

// The plugin class: parses its options into an EmailSource over its mailbox and, with smtp_url, a
// MailSender, and forwards to them, with the hub's clock. A connector given smtp_url and no mailbox only
// sends. Lives as long as the hub's connector instance; the hub never calls it concurrently.
class EmailConnector final : public sdk::Connector {
 public:
  explicit EmailConnector(sdk::Context& context) : context_(context) {}

  static sdk::PluginDescription Describe() { return DescribeEmailConnector(); }

  sdk::Status Configure(const sdk::Options& options) override {
    sdk::Result<std::optional<OutboundMailOptions>> outbound = ParseOutboundMailOptions(options);
    if (!outbound.ok()) return outbound.status();
    if (*outbound) {
      sdk::Result<MailSender> sender = MailSender::Create(std::move(**outbound));
      if (!sender.ok()) return sender.status();
      sender_.emplace(std::move(sender).value());
    }
    if (sender_ && !HasMailbox(options)) return sdk::Status::Ok();
    sdk::Result<EmailOptions> parsed = ParseEmailOptions(options);
    if (!parsed.ok()) return parsed.status();
    std::optional<AttachmentStore> attachments;
    if (parsed->attachment_dir) attachments.emplace(*parsed->attachment_dir);
    std::unique_ptr<Mailbox> mailbox;
    if (parsed->imap) {
      mailbox = std::make_unique<ImapMailbox>(std::move(*parsed->imap), sdk::ContextLog(context_),
                                              sdk::ContextCancelled(context_));
    } else {
      mailbox = std::make_unique<MaildirMailbox>(parsed->maildir);
    }
    source_ = std::make_unique<EmailSource>(std::move(mailbox), parsed->rules, std::move(attachments),
                                            sdk::ContextClock(context_));
    return sdk::Status::Ok();
  }

  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (source_ == nullptr) {
      return sdk::Status::InvalidArgument(
          "this email connector has no mailbox ('path' or 'imap_url'): it only sends mail");
    }
    return source_->ReadBatch(cursor, max_records);
  }

  sdk::Result<std::size_t> WriteEvents(const std::vector<sdk::OutboundEvent>& events) override {
    if (!sender_) {
      return sdk::Status::Unavailable(
          "this email connector has no 'smtp_url': it sends no mail (give smtp_url, mail_from and mail_templates)");
    }
    return sender_->Deliver(events);
  }

  sdk::Status CheckHealth() override {
    if (source_ == nullptr) return sdk::Status::Ok();
    return source_->CheckHealth();
  }

 private:
  // Whether the options name a store of mail to read.
  static bool HasMailbox(const sdk::Options& options) { return options.Has("path") || options.Has("imap_url"); }

  sdk::Context& context_;
  std::unique_ptr<EmailSource> source_;
  std::optional<MailSender> sender_;
};

}  // namespace hub::email

HUB_EXPORT_CONNECTOR(hub::email::EmailConnector)
