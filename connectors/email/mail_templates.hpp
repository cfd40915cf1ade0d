// The templates of the outbound mail, one set per event kind, read from a folder of the configuration.
#ifndef HUB_EMAIL_MAIL_TEMPLATES_HPP_
#define HUB_EMAIL_MAIL_TEMPLATES_HPP_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "email/mail_template.hpp"
#include "hub/sdk/status.hpp"

namespace hub::email {

// The mail of one event kind: subject, plain text, optionally HTML (then the mail is
// multipart/alternative) and optionally its recipients (a comma-separated list of addresses, placeholders
// allowed: `{{document.owner.email}}`; absent: the connector's fixed recipients).
struct KindTemplates {
  MailTemplate subject;
  MailTemplate text;
  std::optional<MailTemplate> html;
  std::optional<MailTemplate> to;
};

// A mail filled in for one event, before MIME: every text UTF-8, `to` as written in the template.
struct RenderedMail {
  std::string to;
  std::string subject;
  std::string text;
  std::string html;  // empty: no HTML part
};

// Every kind's templates, loaded at configuration. In the folder, the kind `task.created` is the files
//   task.created.subject   one line (a trailing line break is dropped)
//   task.created.txt       the plain text (required)
//   task.created.html      the HTML alternative (optional)
//   task.created.to        the recipients (optional)
// Other files are ignored. Immutable once loaded; thread-safe.
class MailTemplates {
 public:
  // InvalidArgument naming the file (and line) for a folder that cannot be read, a kind with a subject but
  // no text or the other way round, a subject of several lines, a text that is not UTF-8, or a placeholder
  // MailTemplate::Parse refuses.
  static sdk::Result<MailTemplates> Load(const std::filesystem::path& folder);

  // The templates of `kind`, or nullptr.
  const KindTemplates* Find(std::string_view kind) const;
  // The kinds that have templates, in name order.
  std::vector<std::string> Kinds() const;

  // The mail of an event of a kind with templates: DataError naming the kind and the placeholder when a
  // required field is missing (MailTemplate::Render).
  static sdk::Result<RenderedMail> Render(const KindTemplates& templates, const TemplateValues& values);

 private:
  explicit MailTemplates(std::map<std::string, KindTemplates, std::less<>> kinds) : kinds_(std::move(kinds)) {}
  std::map<std::string, KindTemplates, std::less<>> kinds_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_TEMPLATES_HPP_
