// The email connector's IMAP options: their schema (rows of the plugin's option table, which the host
// validates and the README shows) and their parsed form. A connector reads IMAP when `imap_url` is set.
#ifndef HUB_EMAIL_IMAP_OPTIONS_HPP_
#define HUB_EMAIL_IMAP_OPTIONS_HPP_

#include <optional>
#include <vector>

#include "email/imap_mailbox.hpp"
#include "hub/sdk/options.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// The IMAP rows of the plugin's option table: imap_url, imap_user, imap_password (a secret), imap_login,
// imap_folders, imap_ca_file, imap_timeout. Pure; thread-safe.
std::vector<sdk::OptionSpec> ImapOptionSpecs();

// The IMAP mailbox the options configure, or nothing when `imap_url` is not set. InvalidArgument naming
// the option for what the schema cannot express: imap_user, imap_password or imap_ca_file without imap_url, a URL that
// is not imap:// or imaps:// with a host (or holds a user, password, path or query), a missing user or password, an
// unknown imap_login, no folders, a timeout that is not a duration.
sdk::Result<std::optional<ImapMailboxOptions>> ParseImapOptions(const sdk::Options& options);

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_OPTIONS_HPP_
