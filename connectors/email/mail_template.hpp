// One text of an outbound mail (its subject, plain text, HTML or recipients) with placeholders filled from
// an event: `{{fields.name}}`, `{{document.party.name}}`, `{{event.id}}`, `{{fields.contact_name|Customer}}`.
#ifndef HUB_EMAIL_MAIL_TEMPLATE_HPP_
#define HUB_EMAIL_MAIL_TEMPLATE_HPP_

#include <string>
#include <string_view>
#include <vector>

#include <boost/json/value.hpp>

#include "hub/sdk/status.hpp"

namespace hub::email {

// What a template's placeholders are filled from: the event's own facts and its payload.
//   event.id, event.kind, event.entity, event.aggregate_id, event.occurred_at   (ISO 8601 UTC)
//   source_system, source_id, fields.<name>, document.<path>                    (the payload's members)
//   payload.<path>                                  (any member of the payload, as a task.created one's)
// A path's segments are member names, or array indexes (`document.party.emails.0.address`).
struct TemplateValues {
  boost::json::value event;    // {"id","kind","entity","aggregate_id","occurred_at"}
  boost::json::value payload;  // the event's payload as the delivery hands it (an object)
};

// How a filled-in value is written: as it is (subject, plain text, recipients), or with &, <, >, " and '
// escaped (HTML).
enum class TemplateEscape { kNone, kHtml };

// A text parsed once: literal runs and placeholders. `{{path}}` must find a value; `{{path|fallback}}`
// writes the fallback (possibly empty) when the path finds nothing or null. A value is a string as it is, a
// number or boolean as JSON writes it; an object or an array is an error. Immutable; thread-safe.
class MailTemplate {
 public:
  // Parses `text`. InvalidArgument naming `name` and the line for a `{{` without `}}`, an empty path, or a
  // path whose first segment is none of event, payload, source_system, source_id, fields, document (the mistakes
  // that can be known before any event arrives).
  static sdk::Result<MailTemplate> Parse(std::string_view name, std::string_view text);

  // The text with every placeholder filled. DataError naming the template and the placeholder when a
  // required path finds nothing (or null), or finds an object or an array.
  sdk::Result<std::string> Render(const TemplateValues& values, TemplateEscape escape) const;

  const std::string& name() const { return name_; }
  bool empty() const { return parts_.empty(); }

 private:
  struct Part {
    std::string literal;            // the text before the placeholder (or the tail)
    std::vector<std::string> path;  // empty: no placeholder after the literal
    std::string spelled;            // the placeholder as written, for messages
    bool has_fallback = false;
    std::string fallback;
  };
  MailTemplate(std::string name, std::vector<Part> parts) : name_(std::move(name)), parts_(std::move(parts)) {}

  std::string name_;
  std::vector<Part> parts_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_TEMPLATE_HPP_
