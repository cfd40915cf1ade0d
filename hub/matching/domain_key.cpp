#include "matching/domain_key.hpp"

#include <libpsl.h>

#include <algorithm>

#include "model/normalize.hpp"

namespace hub::matching {
namespace {

bool IsIpAddress(std::string_view host) {
  if (host.find(':') != std::string_view::npos) return true;  // IPv6 (a port is gone already)
  return !host.empty() && host.find_first_not_of("0123456789.") == std::string_view::npos;
}

}  // namespace

DomainKeys::DomainKeys() : latest_(psl_latest(nullptr)) { list_ = latest_ != nullptr ? latest_ : psl_builtin(); }

DomainKeys::~DomainKeys() {
  if (latest_ != nullptr) psl_free(latest_);
}

std::optional<std::string> DomainKeys::OfHost(std::string_view host) const {
  std::string name(host);
  while (!name.empty() && name.back() == '.') name.pop_back();
  if (name.empty() || IsIpAddress(name) || list_ == nullptr) return std::nullopt;
  char* lower = nullptr;
  if (psl_str_to_utf8lower(name.c_str(), "utf-8", nullptr, &lower) != PSL_SUCCESS || lower == nullptr) {
    return std::nullopt;
  }
  const char* domain = psl_registrable_domain(list_, lower);
  std::optional<std::string> out;
  if (domain != nullptr) out = std::string(domain);
  psl_free_string(lower);
  return out;
}

std::optional<std::string> DomainKeys::OfWebsite(std::string_view url) const { return OfHost(model::WebsiteHost(url)); }

std::optional<std::string> DomainKeys::OfEmail(std::string_view address) const {
  const std::string normalized = model::NormalizeEmail(address);
  const std::size_t at = normalized.rfind('@');
  if (at == std::string::npos) return std::nullopt;
  return OfHost(std::string_view(normalized).substr(at + 1));
}

}  // namespace hub::matching
