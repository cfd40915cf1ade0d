#include "email/email_options.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "email/default_mappings.hpp"
#include "email/imap_options.hpp"
#include "email/mail_need.hpp"
#include "email/outbound_mail_options.hpp"

#ifndef HUB_EMAIL_CONNECTOR_VERSION
#error "HUB_EMAIL_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::email {
namespace {

using sdk::OptionType;

std::string Joined(const std::vector<std::string>& items) {
  std::string joined;
  for (const std::string& item : items) joined += (joined.empty() ? "" : ",") + item;
  return joined;
}

}  // namespace

sdk::PluginDescription DescribeEmailConnector() {
  sdk::PluginDescription description;
  description.name = "email";
  description.version = HUB_EMAIL_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads mail from a Maildir or Maildir++ tree or an IMAP account (read-only both) and makes each message one "
      "activity record, keyed by "
      "its Message-ID: direction, the other side's address, company domain, name, signature phone and company, a "
      "need for a quote or a product; attachments recorded and their bytes kept content-addressed. With smtp_url it "
      "also mails the events a delivery job hands it, from templates per event kind, over SMTP.";
  description.options = {
      {"path", OptionType::kPath, std::nullopt, false,
       "The Maildir (or imap_url instead): the folder holding INBOX's new/ and cur/, with Maildir++ subfolders such as "
       ".Sent or "
       ".Sales.China beside them. Never modified: no flag set, no file moved."},
      {"folders", OptionType::kString, std::nullopt, false,
       "Comma-separated folders to read, in this order: INBOX, and Maildir++ names without their leading dot "
       "(Sent, Sales.China). Unset: every folder but Trash, Junk, Spam and Drafts."},
      {"late_window", OptionType::kDuration, "1h", false,
       "How much older than the newest message read a message may be and still be read when it appears later "
       "(a slow delivery, a message moved in under its old name)."},
      {"own_addresses", OptionType::kString, std::nullopt, false,
       "Comma-separated addresses (sales@acme.cn) and domains (acme.cn) that are ours: a message from one is "
       "outbound, its other side the first recipient not ours."},
      {"free_mail_domains", OptionType::kString, std::nullopt, false,
       "Comma-separated registrable domains (name.* for every such domain of that first label) that are free "
       "mail too, besides the shipped list " +
           Joined(DefaultFreeMailDomains()) + ": an address there gives no web_domain."},
      {"need_keywords", OptionType::kString, Joined(DefaultNeedKeywords()), false,
       "Comma-separated words that make an inbound message a need (a quote or a product asked for) when its "
       "subject or text holds one; ASCII words match without case and as whole words. Setting it replaces the "
       "list."},
      {"summary_max_chars", OptionType::kInteger, "2000", false,
       "The most characters of the sender's own text (no quoted reply, no signature) kept as the summary."},
      {"attachment_dir", OptionType::kPath, std::nullopt, false,
       "A folder where each attachment's bytes are kept in a file named by their SHA-256, in a subfolder named by "
       "its first two hex digits. Unset: only the attachments' name, type, size and hash are recorded."},
  };
  for (sdk::OptionSpec& spec : ImapOptionSpecs()) description.options.push_back(std::move(spec));
  for (sdk::OptionSpec& outbound : OutboundMailOptionSpecs()) description.options.push_back(std::move(outbound));
  description.capabilities.reads = true;
  description.capabilities.writes_events = true;
  description.default_mappings = DefaultMappings();
  return description;
}

sdk::Result<EmailOptions> ParseEmailOptions(const sdk::Options& options) {
  EmailOptions parsed;
  sdk::Result<std::optional<ImapMailboxOptions>> imap = ParseImapOptions(options);
  if (!imap.ok()) return imap.status();
  parsed.imap = std::move(*imap);
  parsed.maildir.root = options.GetString("path");
  if (parsed.imap && (options.Has("path") || options.Has("folders"))) {
    return sdk::Status::InvalidArgument(
        "options 'path' and 'folders' are a Maildir's: a connector reads either a "
        "Maildir (path) or an IMAP account (imap_url, imap_folders), not both");
  }
  if (!parsed.imap && parsed.maildir.root.empty()) {
    return sdk::Status::InvalidArgument(
        "option 'path' must name the Maildir (or imap_url an IMAP server; or give smtp_url "
        "alone: a connector that only sends mail)");
  }
  parsed.maildir.folders = options.GetList("folders");
  sdk::Result<std::chrono::milliseconds> window = options.GetDuration("late_window", std::chrono::hours(1));
  if (!window.ok()) return window.status().WithContext("option 'late_window'");
  parsed.maildir.late_window = std::chrono::duration_cast<std::chrono::seconds>(*window);
  std::vector<std::string> free_mail = DefaultFreeMailDomains();
  for (std::string& extra : options.GetList("free_mail_domains")) free_mail.push_back(std::move(extra));
  parsed.rules.domains = MailDomains(std::move(free_mail), options.GetList("own_addresses"));
  parsed.rules.need_keywords = options.GetList("need_keywords", Joined(DefaultNeedKeywords()));
  sdk::Result<std::int64_t> max_chars = options.GetInteger("summary_max_chars", 2000);
  if (!max_chars.ok()) return max_chars.status().WithContext("option 'summary_max_chars'");
  if (*max_chars < 1) {
    return sdk::Status::InvalidArgument("option 'summary_max_chars' = " + std::to_string(*max_chars) +
                                        " must be at least 1");
  }
  parsed.rules.summary_max_chars = static_cast<std::size_t>(*max_chars);
  if (options.Has("attachment_dir")) parsed.attachment_dir = options.GetString("attachment_dir");
  return parsed;
}

}  // namespace hub::email
