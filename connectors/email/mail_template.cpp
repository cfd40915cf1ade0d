#include "email/mail_template.hpp"

#include <algorithm>
#include <charconv>
#include <utility>

#include <boost/json/serialize.hpp>

namespace hub::email {
namespace {

constexpr std::string_view kRoots[] = {"event", "payload", "source_system", "source_id", "fields", "document"};

std::string_view Trimmed(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t") - begin + 1);
}

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> segments;
  std::size_t at = 0;
  while (true) {
    const std::size_t dot = path.find('.', at);
    segments.emplace_back(path.substr(at, dot - at));
    if (dot == std::string_view::npos) return segments;
    at = dot + 1;
  }
}

int LineOf(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// The value at `segments` in `values` (the first segment "event" reads the event, "payload" the payload,
// any other is a member of the payload), or nullptr when a step finds nothing.
const boost::json::value* Find(const TemplateValues& values, const std::vector<std::string>& segments) {
  const boost::json::value* at = &values.payload;
  std::size_t first = 0;
  if (segments.front() == "event") {
    at = &values.event;
    first = 1;
  } else if (segments.front() == "payload") {
    first = 1;
  }
  for (std::size_t i = first; i < segments.size() && at != nullptr; ++i) {
    const std::string& segment = segments[i];
    if (const boost::json::object* object = at->if_object()) {
      at = object->if_contains(segment);
    } else if (const boost::json::array* array = at->if_array()) {
      std::size_t index = 0;
      auto [end, error] = std::from_chars(segment.data(), segment.data() + segment.size(), index);
      at = error == std::errc() && end == segment.data() + segment.size() && index < array->size() ? &(*array)[index]
                                                                                                   : nullptr;
    } else {
      at = nullptr;
    }
  }
  return at;
}

void AppendEscaped(std::string& out, std::string_view text, TemplateEscape escape) {
  if (escape == TemplateEscape::kNone) {
    out.append(text);
    return;
  }
  for (const char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

sdk::Result<MailTemplate> MailTemplate::Parse(std::string_view name, std::string_view text) {
  std::vector<Part> parts;
  std::size_t at = 0;
  while (at < text.size()) {
    const std::size_t open = text.find("{{", at);
    Part part;
    part.literal = std::string(text.substr(at, open - at));
    if (open == std::string_view::npos) {
      parts.push_back(std::move(part));
      break;
    }
    const auto fail = [&](std::string_view why) {
      return sdk::Status::InvalidArgument(std::string(name) + ":" + std::to_string(LineOf(text, open)) + ": " +
                                          std::string(why));
    };
    const std::size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) return fail("'{{' without a closing '}}'");
    part.spelled = std::string(text.substr(open, close + 2 - open));
    std::string_view inside = text.substr(open + 2, close - open - 2);
    const std::size_t bar = inside.find('|');
    if (bar != std::string_view::npos) {
      part.has_fallback = true;
      part.fallback = std::string(inside.substr(bar + 1));
      inside = inside.substr(0, bar);
    }
    const std::string_view path = Trimmed(inside);
    if (path.empty()) return fail("the placeholder " + part.spelled + " names no field");
    part.path = SplitPath(path);
    if (std::any_of(part.path.begin(), part.path.end(), [](const std::string& s) { return s.empty(); }) ||
        std::find(std::begin(kRoots), std::end(kRoots), part.path.front()) == std::end(kRoots)) {
      return fail("the placeholder " + part.spelled +
                  " is not a field path: write event.<id|kind|entity|aggregate_id|occurred_at>, payload.<path>, "
                  "source_system, source_id, fields.<name> or document.<path>");
    }
    parts.push_back(std::move(part));
    at = close + 2;
  }
  return MailTemplate(std::string(name), std::move(parts));
}

sdk::Result<std::string> MailTemplate::Render(const TemplateValues& values, TemplateEscape escape) const {
  std::string out;
  for (const Part& part : parts_) {
    out += part.literal;
    if (part.path.empty()) continue;
    const boost::json::value* found = Find(values, part.path);
    if (found == nullptr || found->is_null()) {
      if (!part.has_fallback) {
        return sdk::Status::DataError(name_ + ": the event has no value for " + part.spelled);
      }
      AppendEscaped(out, part.fallback, escape);
    } else if (const boost::json::string* text = found->if_string()) {
      AppendEscaped(out, *text, escape);
    } else if (found->is_object() || found->is_array()) {
      return sdk::Status::DataError(name_ + ": " + part.spelled + " is not a single value but " +
                                    (found->is_object() ? "an object" : "an array"));
    } else {
      AppendEscaped(out, boost::json::serialize(*found), escape);
    }
  }
  return out;
}

}  // namespace hub::email
