#include "email/mail_templates.hpp"

#include <glib.h>

#include <fstream>
#include <iterator>
#include <set>
#include <system_error>
#include <utility>

namespace hub::email {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kSuffixes[] = {".subject", ".txt", ".html", ".to"};

sdk::Result<std::string> ReadText(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) return sdk::Status::InvalidArgument(file.string() + ": cannot be read");
  if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr) == FALSE) {
    return sdk::Status::InvalidArgument(file.string() + ": is not UTF-8 text");
  }
  return text;
}

// The template in `folder`/`kind``suffix`, nullopt when there is no such file.
sdk::Result<std::optional<MailTemplate>> LoadOne(const fs::path& folder, const std::string& kind,
                                                 std::string_view suffix) {
  const fs::path file = folder / (kind + std::string(suffix));
  std::error_code error;
  if (!fs::is_regular_file(file, error)) return std::optional<MailTemplate>();
  sdk::Result<std::string> text = ReadText(file);
  if (!text.ok()) return text.status();
  if (suffix == ".subject" || suffix == ".to") {
    while (!text->empty() && (text->back() == '\n' || text->back() == '\r')) text->pop_back();
    if (text->find('\n') != std::string::npos) {
      return sdk::Status::InvalidArgument(file.string() + ": must be one line");
    }
  }
  sdk::Result<MailTemplate> parsed = MailTemplate::Parse(file.string(), *text);
  if (!parsed.ok()) return parsed.status();
  return std::optional<MailTemplate>(std::move(parsed).value());
}

// The kinds the folder's file names name (the name without one of kSuffixes).
sdk::Result<std::set<std::string>> KindsIn(const fs::path& folder) {
  std::error_code error;
  fs::directory_iterator it(folder, error);
  if (error) return sdk::Status::InvalidArgument("mail templates folder " + folder.string() + ": " + error.message());
  std::set<std::string> kinds;
  for (const fs::directory_entry& entry : it) {
    const std::string name = entry.path().filename().string();
    for (std::string_view suffix : kSuffixes) {
      if (name.size() > suffix.size() && name.ends_with(suffix))
        kinds.insert(name.substr(0, name.size() - suffix.size()));
    }
  }
  return kinds;
}

}  // namespace

sdk::Result<MailTemplates> MailTemplates::Load(const fs::path& folder) {
  sdk::Result<std::set<std::string>> kinds = KindsIn(folder);
  if (!kinds.ok()) return kinds.status();
  std::map<std::string, KindTemplates, std::less<>> loaded;
  for (const std::string& kind : *kinds) {
    std::optional<MailTemplate> parts[std::size(kSuffixes)];
    for (std::size_t i = 0; i < std::size(kSuffixes); ++i) {
      sdk::Result<std::optional<MailTemplate>> part = LoadOne(folder, kind, kSuffixes[i]);
      if (!part.ok()) return part.status();
      parts[i] = std::move(part).value();
    }
    if (!parts[0] || !parts[1]) {
      return sdk::Status::InvalidArgument("mail templates folder " + folder.string() + ": the kind '" + kind +
                                          "' needs both " + kind + ".subject and " + kind + ".txt");
    }
    loaded.emplace(kind,
                   KindTemplates{std::move(*parts[0]), std::move(*parts[1]), std::move(parts[2]), std::move(parts[3])});
  }
  return MailTemplates(std::move(loaded));
}

const KindTemplates* MailTemplates::Find(std::string_view kind) const {
  auto it = kinds_.find(kind);
  return it == kinds_.end() ? nullptr : &it->second;
}

std::vector<std::string> MailTemplates::Kinds() const {
  std::vector<std::string> kinds;
  for (const auto& [kind, templates] : kinds_) kinds.push_back(kind);
  return kinds;
}

sdk::Result<RenderedMail> MailTemplates::Render(const KindTemplates& templates, const TemplateValues& values) {
  RenderedMail mail;
  sdk::Result<std::string> subject = templates.subject.Render(values, TemplateEscape::kNone);
  if (!subject.ok()) return subject.status();
  mail.subject = std::move(subject).value();
  sdk::Result<std::string> text = templates.text.Render(values, TemplateEscape::kNone);
  if (!text.ok()) return text.status();
  mail.text = std::move(text).value();
  if (templates.html) {
    sdk::Result<std::string> html = templates.html->Render(values, TemplateEscape::kHtml);
    if (!html.ok()) return html.status();
    mail.html = std::move(html).value();
  }
  if (templates.to) {
    sdk::Result<std::string> to = templates.to->Render(values, TemplateEscape::kNone);
    if (!to.ok()) return to.status();
    mail.to = std::move(to).value();
  }
  return mail;
}

}  // namespace hub::email
