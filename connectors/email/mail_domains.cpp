#include "email/mail_domains.hpp"

#include <libpsl.h>

#include <algorithm>
#include <utility>

#include "email/ascii_text.hpp"

namespace hub::email {
namespace {

// libpsl's built-in list, else the newest the system has (Debian's publicsuffix package); never freed.
const psl_ctx_t* PublicSuffixList() {
  static const psl_ctx_t* const kList = [] {
    const psl_ctx_t* builtin = psl_builtin();
    return builtin != nullptr ? builtin : static_cast<const psl_ctx_t*>(psl_latest(nullptr));
  }();
  return kList;
}

std::string DomainOf(std::string_view address) {
  const std::size_t at = address.rfind('@');
  std::string_view domain = at == std::string_view::npos ? address : address.substr(at + 1);
  return AsciiLower(TrimmedOf(domain, " \t<>.[]"));
}

bool InDomain(std::string_view domain, std::string_view parent) {
  return domain == parent || (domain.size() > parent.size() && domain.ends_with(parent) &&
                              domain[domain.size() - parent.size() - 1] == '.');
}

}  // namespace

std::vector<std::string> DefaultFreeMailDomains() {
  return {"qq.com",         "vip.qq.com", "foxmail.com", "163.com",    "126.com",   "yeah.net",       "188.com",
          "sina.com",       "sina.cn",    "sina.com.cn", "sohu.com",   "139.com",   "189.cn",         "wo.cn",
          "aliyun.com",     "21cn.com",   "tom.com",     "263.net",    "gmail.com", "googlemail.com", "outlook.com",
          "hotmail.*",      "live.*",     "msn.com",     "yahoo.*",    "ymail.com", "icloud.com",     "me.com",
          "mac.com",        "aol.com",    "gmx.*",       "web.de",     "mail.ru",   "yandex.*",       "proton.me",
          "protonmail.com", "zoho.com",   "naver.com",   "hanmail.net"};
}

MailDomains::MailDomains(std::vector<std::string> free_mail, std::vector<std::string> own)
    : free_mail_(std::move(free_mail)) {
  for (std::string& entry : free_mail_) entry = AsciiLower(entry);
  for (const std::string& entry : own) {
    if (entry.find('@') == std::string::npos || entry.starts_with('@')) {
      own_domains_.push_back(DomainOf(entry));
    } else {
      own_addresses_.push_back(AsciiLower(entry));
    }
  }
}

std::string MailDomains::RegistrableDomain(std::string_view address) const {
  const std::string domain = DomainOf(address);
  if (domain.empty() || PublicSuffixList() == nullptr) return {};
  const char* registrable = psl_registrable_domain(PublicSuffixList(), domain.c_str());
  return registrable == nullptr ? std::string() : std::string(registrable);
}

bool MailDomains::IsFreeMail(std::string_view registrable) const {
  const std::string_view first_label = registrable.substr(0, registrable.find('.'));
  return std::any_of(free_mail_.begin(), free_mail_.end(), [&](const std::string& entry) {
    if (entry.ends_with(".*")) return first_label == std::string_view(entry).substr(0, entry.size() - 2);
    return registrable == entry;
  });
}

std::string MailDomains::CompanyDomain(std::string_view address) const {
  std::string registrable = RegistrableDomain(address);
  if (registrable.empty() || IsFreeMail(registrable) || IsOwn(address)) return {};
  return registrable;
}

bool MailDomains::IsOwn(std::string_view address) const {
  const std::string lower = AsciiLower(TrimmedOf(address, " \t<>"));
  if (std::find(own_addresses_.begin(), own_addresses_.end(), lower) != own_addresses_.end()) return true;
  if (lower.find('@') == std::string::npos) return false;
  const std::string domain = DomainOf(lower);
  return std::any_of(own_domains_.begin(), own_domains_.end(),
                     [&](const std::string& own) { return InDomain(domain, own); });
}

}  // namespace hub::email
