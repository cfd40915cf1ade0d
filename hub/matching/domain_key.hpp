// The registrable domain of a web site or an e-mail address (the public suffix and one label more, by the
// Public Suffix List through libpsl): www.shop.huaxin.com.cn and sales@mail.huaxin.com.cn both give
// huaxin.com.cn, so two records that share it likely belong to one organization.
#ifndef HUB_MATCHING_DOMAIN_KEY_HPP_
#define HUB_MATCHING_DOMAIN_KEY_HPP_

#include <optional>
#include <string>
#include <string_view>

struct psl_ctx_st;

namespace hub::matching {

// Holds the Public Suffix List: the system's newest (Debian's publicsuffix package, which libpsl reads from
// /usr/share/publicsuffix) or, when that cannot be read, the copy built into libpsl. Immutable after
// construction: safe to use from any number of threads.
class DomainKeys {
 public:
  DomainKeys();
  ~DomainKeys();
  DomainKeys(const DomainKeys&) = delete;
  DomainKeys& operator=(const DomainKeys&) = delete;

  // The registrable domain of a host, lower-cased: "WWW.Example.CO.UK" -> "example.co.uk", "acme.github.io"
  // -> "acme.github.io" (github.io is a suffix of the list's private section), "例子.中国" -> "例子.中国".
  // nullopt for a public suffix itself ("co.uk"), a host of one label ("localhost"), an IP address, or
  // an empty host.
  std::optional<std::string> OfHost(std::string_view host) const;

  // Of a web site given as a URL or a bare host (model::WebsiteHost: scheme, "www.", port, path dropped).
  std::optional<std::string> OfWebsite(std::string_view url) const;

  // Of an e-mail address: the part after the last '@'. nullopt without one.
  std::optional<std::string> OfEmail(std::string_view address) const;

 private:
  psl_ctx_st* latest_ = nullptr;      // owned; null when the system's list could not be read
  const psl_ctx_st* list_ = nullptr;  // latest_ or libpsl's built-in list
};

}  // namespace hub::matching

#endif  // HUB_MATCHING_DOMAIN_KEY_HPP_
