// How the EDIFACT walk turns elements into field texts: ISO dates from DTM, joined components, raw field
// names, partner roles. Pure functions of their arguments.
#ifndef HUB_TRADE_FORMATS_EDIFACT_FIELD_TEXT_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_FIELD_TEXT_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "trade_formats/edifact_segment.hpp"

namespace hub::trade_formats {

// DTM C507: value 2380 in format 2379 → ISO date. 102 CCYYMMDD, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS,
// 101 YYMMDD (years 70–99 are 19xx), 718 a CCYYMMDD-CCYYMMDD range (its start). nullopt for anything else.
std::optional<std::string> EdifactDate(std::string_view value, std::string_view format);

// Components [from, to) of an element, the empty ones left out, joined by `glue`: a view of the segment when
// only one is there (the usual case), else of *scratch, which the next call reuses.
std::string_view JoinComponents(const EdifactSegment& segment, std::size_t element, std::size_t from, std::size_t to,
                                std::string_view glue, std::string* scratch);

// A raw field's name: "QTY." + "21", "RFF." + "ON" + ".1156".
std::string RawName(std::string_view tag, std::string_view qualifier, std::string_view suffix = {});

// NAD 3035 → the partner's role: sold_to (BY), ship_to (DP, ST), bill_to (IV), payer (PR, PE),
// supplier (SU, SE), else other.
std::string PartnerRole(std::string_view qualifier);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_FIELD_TEXT_HPP_
