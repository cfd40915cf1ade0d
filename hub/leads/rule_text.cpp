#include "leads/rule_text.hpp"

#include <algorithm>
#include <cstdio>

namespace hub::leads {

std::string_view Trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

std::string Lower(std::string_view text) {
  std::string lower(text);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c); });
  return lower;
}

bool SameText(std::string_view a, std::string_view b) {
  const std::string_view left = Trimmed(a);
  return !left.empty() && Lower(left) == Lower(Trimmed(b));
}

const std::string* FindEqual(const std::vector<std::string>& list, std::string_view value) {
  for (const std::string& entry : list) {
    if (SameText(entry, value)) return &entry;
  }
  return nullptr;
}

std::string Shown(double amount) {
  char text[32];
  std::snprintf(text, sizeof text, "%.15g", amount);
  return text;
}

}  // namespace hub::leads
