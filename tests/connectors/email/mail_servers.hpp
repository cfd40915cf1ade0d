// The throwaway Postfix and Dovecot of scripts/lib/mail_servers.sh as the outbound mail tests see them (where
// they are: TestMailServers): the mail Dovecot stored on disk, and Postfix stopped and started.
#ifndef HUB_TESTS_CONNECTORS_EMAIL_MAIL_SERVERS_HPP_
#define HUB_TESTS_CONNECTORS_EMAIL_MAIL_SERVERS_HPP_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "email/mime_message.hpp"
#include "test_mail_folder.hpp"

namespace hub::email::test {

// The first user's address, and the submission urls of the second user's sender: implicit TLS, STARTTLS.
std::string UserAddress(const TestMailServers& servers);
std::string SmtpsUrl(const TestMailServers& servers);
std::string SubmissionUrl(const TestMailServers& servers);

// The messages Dovecot stored for `user` (its Maildir's new/ and cur/), parsed, keyed by file name.
std::map<std::string, MimeMessage> StoredMessages(const TestMailServers& servers, const std::string& user);

// How many of `user`'s stored messages have each Message-ID.
std::map<std::string, int> MessageIdCounts(const TestMailServers& servers, const std::string& user);

// Waits (polling, at most 30 s) until `user` holds a message of each Message-ID of `ids` and Postfix's
// queue is empty (nothing more on its way); answers how many messages of each of those ids it holds.
std::map<std::string, int> WaitForMessageIds(const TestMailServers& servers, const std::string& user,
                                             const std::vector<std::string>& ids);

// The raw bytes of the stored message whose Message-ID is `id` (waiting as above); empty when none came.
std::string WaitForMessageBytes(const TestMailServers& servers, const std::string& user, const std::string& id);

// How many messages of each Message-ID Postfix accepted (its cleanup service's `message-id=<…>` lines in
// postfix.log): what the sender submitted, before any redelivery of Postfix's own.
std::map<std::string, int> SubmittedMessageIdCounts(const TestMailServers& servers);

// Waits (polling, at most 30 s) until Postfix's queue is empty: every accepted mail handed to Dovecot.
// False when it never emptied.
bool WaitForEmptyQueue(const TestMailServers& servers);

// smtp_server_stop / smtp_server_start of mail_servers.sh: Postfix alone. Stopped while it hands a mail to
// Dovecot over LMTP, Postfix may deliver that mail again when it starts (its own at-least-once), so a test
// that counts deliveries waits for the empty queue first.
void StopSmtpServer(const TestMailServers& servers);
// Starts Postfix and waits (at most 30 s) until its implicit-TLS port accepts connections.
void StartSmtpServer(const TestMailServers& servers);

}  // namespace hub::email::test

#endif  // HUB_TESTS_CONNECTORS_EMAIL_MAIL_SERVERS_HPP_
