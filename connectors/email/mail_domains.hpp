// Which company an e-mail address points at: its registrable domain (the Public Suffix List, through
// libpsl), unless it is a free-mail provider's, and whether an address is one of our own.
#ifndef HUB_EMAIL_MAIL_DOMAINS_HPP_
#define HUB_EMAIL_MAIL_DOMAINS_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// The free-mail domains shipped with the connector (qq.com, 163.com, 126.com, sina.com, gmail.com,
// outlook.com, hotmail.com, yahoo.*, foxmail.com, 139.com, aliyun.com, …): registrable domains, an entry
// "name.*" standing for every registrable domain whose first label is `name` (yahoo.com, yahoo.co.jp).
// Pure.
std::vector<std::string> DefaultFreeMailDomains();

// The rules of one connector instance. Immutable after construction; thread-safe.
class MailDomains {
 public:
  // `free_mail`: the entries above (lower case); `own`: our addresses ("sales@acme.cn") and domains
  // ("acme.cn" or "@acme.cn"), matched without case, a domain also matching its subdomains.
  MailDomains(std::vector<std::string> free_mail, std::vector<std::string> own);

  // The registrable domain of the address's domain ("li@mail.sina.com.cn" -> "sina.com.cn"; a bare domain
  // is taken too), lower case; empty when the address has none (no '@', a public suffix itself,
  // "localhost"). Through libpsl's built-in list, else the system's.
  std::string RegistrableDomain(std::string_view address) const;

  // RegistrableDomain, unless it is a free-mail domain or one of our own: then empty.
  std::string CompanyDomain(std::string_view address) const;

  // Whether `address` is one of our own addresses or in one of our own domains.
  bool IsOwn(std::string_view address) const;

 private:
  bool IsFreeMail(std::string_view registrable) const;

  std::vector<std::string> free_mail_;
  std::vector<std::string> own_addresses_;
  std::vector<std::string> own_domains_;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_DOMAINS_HPP_
