// The email connector's options: their schema (the one table the host validates and the README shows) and
// their parsed form.
#ifndef HUB_EMAIL_EMAIL_OPTIONS_HPP_
#define HUB_EMAIL_EMAIL_OPTIONS_HPP_

#include <filesystem>
#include <optional>

#include "email/imap_mailbox.hpp"
#include "email/maildir_mailbox.hpp"
#include "email/message_record.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// Validated options of one email connector instance. A plain value.
struct EmailOptions {
  std::optional<ImapMailboxOptions> imap;  // set: the mail is read over IMAP, and `maildir` is not used
  MaildirOptions maildir;
  MessageRules rules;
  std::optional<std::filesystem::path> attachment_dir;  // unset: attachments' metadata only
};

// The plugin's self-description: name "email", kind "connector", every option with type, default, whether
// it is required and what it does; the default mapping `email_activity`. Pure; thread-safe.
sdk::PluginDescription DescribeEmailConnector();

// Parses the values the host validated against DescribeEmailConnector() (absent options take their
// defaults). InvalidArgument naming the option for what the schema cannot express: neither `path` nor
// `imap_url`, or both, Maildir options (`folders`) beside imap_url, imap_* options without it (imap_options.hpp
// says the rest of IMAP's), a late_window that is not a duration, a summary_max_chars below 1.
sdk::Result<EmailOptions> ParseEmailOptions(const sdk::Options& options);

}  // namespace hub::email

#endif  // HUB_EMAIL_EMAIL_OPTIONS_HPP_
