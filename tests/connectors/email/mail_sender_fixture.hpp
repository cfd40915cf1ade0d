// What the outbound mail tests share: a folder of templates, the options of a MailSender over it, and
// events shaped as the delivery hands them.
#ifndef HUB_TESTS_CONNECTORS_EMAIL_MAIL_SENDER_FIXTURE_HPP_
#define HUB_TESTS_CONNECTORS_EMAIL_MAIL_SENDER_FIXTURE_HPP_

#include <string>

#include "email/outbound_mail_options.hpp"
#include "hub/sdk/record.hpp"
#include "support/temp_dir.hpp"

namespace hub::email::test {

// Writes the templates of the kinds "task.created" (to the task's owner_email, with an HTML part) and
// "party.created" (to the fixed recipients) into `dir`.
void WriteTemplates(const hub::test::TempDir& dir);

// Options sending through `url` as `user`, from "Hub 通知 <hub@hub.test>", fixed recipients `to`, the
// templates of `dir`, Message-IDs in hub.test.
OutboundMailOptions Options(const hub::test::TempDir& dir, const std::string& url, const std::string& user,
                            const std::string& password, const std::string& ca_file, const std::string& to);

// A task.created event whose task is owned by `owner_email`, with event id `event_id`.
sdk::OutboundEvent TaskEvent(const std::string& event_id, const std::string& owner_email);

}  // namespace hub::email::test

#endif  // HUB_TESTS_CONNECTORS_EMAIL_MAIL_SENDER_FIXTURE_HPP_
