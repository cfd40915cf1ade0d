// Latin-script company names without their legal form, and the words of their trade name: "Huaxin
// Technology Co., Ltd." and "HUAXIN TECHNOLOGY LIMITED" compare as "huaxin technology", trade name "huaxin".
#ifndef HUB_MATCHING_LATIN_COMPANY_NAME_HPP_
#define HUB_MATCHING_LATIN_COMPANY_NAME_HPP_

#include <string>
#include <string_view>

namespace hub::matching {

// A name split at its legal form; both parts in the input's folded form, tokens separated by one space.
struct LatinCompanyName {
  std::string core;          // "philips electronics"
  std::string legal_form;    // "n.v.", "co. ltd.", "gmbh & co. kg"; empty when none
  std::string trade_name;    // the core's words before its first industry word: "philips"; the core when none
  std::string branch;        // "shanghai branch": set only for a branch office, which is its own entity
  std::string branch_place;  // "shanghai": the branch's own words without the marker
};

// `folded` is a name in model::NormalizeName's form ("koninklijke philips electronics n.v."). Legal forms
// are removed from the end, repeatedly, compared without their dots: co, company, corp, corporation, inc,
// incorporated, ltd, limited, llc, llp, lp, plc, gmbh, mbh, ag, kg, kgaa, se, sa, sas, sarl, srl, spa, nv,
// bv, cv, ab, as, asa, oy, oyj, kk, pte, pty, bhd, sdn, group, holding, holdings (the English words for
// 集团 and 控股), also spelled letter by letter ("n v", "s p a"), and a trailing "&" or "and" they leave.
// The core is never emptied: "limited" alone stays the core. Industry words (technology, trading,
// electronics, industrial, international, …) end the trade name. A name ending in "branch", "office" or
// "branch office" is a branch office: its own words (its city) are those after the parent's last legal
// form, or the one word before the marker when there is none ("huaxin technology co. ltd. shanghai branch":
// branch "shanghai branch", place "shanghai"), and the rest is the parent's name. Thread-safe.
LatinCompanyName SplitLatinCompanyName(std::string_view folded);

}  // namespace hub::matching

#endif  // HUB_MATCHING_LATIN_COMPANY_NAME_HPP_
