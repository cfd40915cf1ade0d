#include "matching/latin_company_name.hpp"

#include <algorithm>
#include <vector>

namespace hub::matching {
namespace {

constexpr std::string_view kLegalForms[] = {
    "co",   "company", "corp", "corporation", "inc", "incorporated", "ltd",   "limited", "llc",     "llp",
    "lp",   "plc",     "gmbh", "mbh",         "ag",  "kg",           "kgaa",  "se",      "sa",      "sas",
    "sarl", "srl",     "spa",  "nv",          "bv",  "cv",           "ab",    "as",      "asa",     "oy",
    "oyj",  "kk",      "pte",  "pty",         "bhd", "sdn",          "coltd", "group",   "holding", "holdings"};
constexpr std::string_view kConnectors[] = {"&", "and"};
constexpr std::string_view kIndustryWords[] = {
    "technology",     "technologies",    "tech",          "trading",       "trade",         "electronics",
    "electronic",     "electric",        "industrial",    "industries",    "industry",      "international",
    "machinery",      "chemical",        "chemicals",     "engineering",   "systems",       "system",
    "software",       "network",         "networks",      "logistics",     "materials",     "medical",
    "pharmaceutical", "pharmaceuticals", "import",        "export",        "investment",    "development",
    "services",       "service",         "manufacturing", "products",      "communication", "communications",
    "energy",         "equipment",       "science",       "food",          "foods",         "textile",
    "textiles",       "building",        "construction",  "environmental", "garment",       "garments"};
// The last words of a branch office's name.
constexpr std::string_view kBranchMarkers[] = {"branch", "office"};

std::vector<std::string_view> Tokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  while (!text.empty()) {
    const std::size_t space = text.find(' ');
    if (space != 0) tokens.push_back(text.substr(0, space));
    if (space == std::string_view::npos) break;
    text.remove_prefix(space + 1);
  }
  return tokens;
}

std::string WithoutDots(std::string_view token) {
  std::string out(token);
  std::erase(out, '.');
  return out;
}

bool Contains(const auto& list, std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

// How many tokens at the end of tokens[0, end) spell one legal form: one word, or single letters ("n v").
std::size_t LegalFormAtEnd(const std::vector<std::string_view>& tokens, std::size_t end) {
  if (Contains(kLegalForms, WithoutDots(tokens[end - 1]))) return 1;
  std::string letters;
  for (std::size_t count = 1; count <= std::min<std::size_t>(3, end); ++count) {
    const std::string letter = WithoutDots(tokens[end - count]);
    if (letter.size() != 1) break;
    letters.insert(0, letter);
    if (count >= 2 && Contains(kLegalForms, letters)) return count;
  }
  return 0;
}

std::string Join(const std::vector<std::string_view>& tokens, std::size_t from, std::size_t to) {
  std::string out;
  for (std::size_t i = from; i < to; ++i) {
    if (!out.empty()) out.push_back(' ');
    out.append(tokens[i]);
  }
  return out;
}

// Where a branch office's own words start in tokens (ending in a branch marker), or tokens.size() when
// the name is no branch's.
std::size_t BranchStart(const std::vector<std::string_view>& tokens) {
  if (tokens.size() < 3 || !Contains(kBranchMarkers, tokens.back())) return tokens.size();
  std::size_t marker = tokens.size() - 1;
  if (tokens[marker - 1] == "branch") --marker;  // "branch office"
  if (tokens[marker - 1] == "head" || tokens[marker - 1] == "registered") return tokens.size();
  for (std::size_t i = marker; i-- > 1;) {
    if (Contains(kLegalForms, WithoutDots(tokens[i]))) return i + 1 < marker ? i + 1 : tokens.size();
  }
  // No legal form: only "… branch" says so ("the box office" is a name).
  return marker >= 2 && tokens[marker] == "branch" ? marker - 1 : tokens.size();
}

}  // namespace

LatinCompanyName SplitLatinCompanyName(std::string_view folded) {
  std::vector<std::string_view> tokens = Tokens(folded);
  const std::size_t branch_start = BranchStart(tokens);
  std::string branch;
  std::string branch_place;
  if (branch_start < tokens.size()) {
    std::size_t place_end = tokens.size() - 1;
    if (tokens[place_end - 1] == "branch") --place_end;
    branch = Join(tokens, branch_start, tokens.size());
    branch_place = Join(tokens, branch_start, place_end);
    tokens.resize(branch_start);
  }
  std::size_t end = tokens.size();
  std::size_t core_end = end;
  while (end > 1) {
    if (const std::size_t form = LegalFormAtEnd(tokens, end); form > 0 && form < end) {
      end -= form;
      core_end = end;
    } else if (end < tokens.size() && Contains(kConnectors, tokens[end - 1])) {
      --end;  // "smith & co": the "&" goes with the form
    } else {
      break;
    }
  }
  while (core_end > 1 && Contains(kConnectors, tokens[core_end - 1])) --core_end;
  LatinCompanyName name;
  name.core = Join(tokens, 0, core_end);
  name.legal_form = Join(tokens, core_end, tokens.size());
  std::size_t trade_end = 0;
  while (trade_end < core_end && !Contains(kIndustryWords, tokens[trade_end])) ++trade_end;
  name.trade_name = trade_end == 0 ? name.core : Join(tokens, 0, trade_end);
  name.branch = std::move(branch);
  name.branch_place = std::move(branch_place);
  return name;
}

}  // namespace hub::matching
