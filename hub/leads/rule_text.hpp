// How the lead rules compare what people write — case-insensitively (ASCII) after trimming, so that a
// configured "Energy " names the industry a lead writes as "energy" — and how their reasons show amounts.
#ifndef HUB_LEADS_RULE_TEXT_HPP_
#define HUB_LEADS_RULE_TEXT_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace hub::leads {

// `text` without the spaces, tabs and line ends around it.
std::string_view Trimmed(std::string_view text);

// `text` with its ASCII capitals in lower case.
std::string Lower(std::string_view text);

// True when `a` and `b`, both trimmed, are equal but for ASCII case, and not empty.
bool SameText(std::string_view a, std::string_view b);

// The entry of `list` that is the SameText of `value`; nullptr when none is.
const std::string* FindEqual(const std::vector<std::string>& list, std::string_view value);

// An amount as a reason shows it: "600000", "1234.5".
std::string Shown(double amount);

}  // namespace hub::leads

#endif  // HUB_LEADS_RULE_TEXT_HPP_
