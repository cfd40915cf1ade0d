// What the EDIFACT message readers share: one walk over a message's segment groups into a header record,
// partner records (NAD groups) and line records (LIN groups), with neutral and raw fields.
#ifndef HUB_TRADE_FORMATS_EDIFACT_RECORD_SUPPORT_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_RECORD_SUPPORT_HPP_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/record_fields.hpp"

namespace hub::trade_formats {

// How one message type names its records (the neutral names the default mappings read).
struct EdifactProfile {
  std::string_view header_entity;      // "order"
  std::string_view number_field;       // "order_number": BGM 1004, also the header's source id
  std::string_view line_entity;        // "order_line"
  std::string_view line_parent_field;  // "order_source_id"
  std::string_view partner_entity;     // "order_partner"; empty: NAD groups are not records of their own
  // DTM 2005 qualifier → header date field, in order of preference per field.
  std::vector<std::pair<std::string_view, std::string_view>> header_dates;
  std::vector<std::string_view> quantity_qualifiers;     // QTY 6063, first found wins ("21", "1")
  std::vector<std::string_view> line_amount_qualifiers;  // MOA 5025 of a line's amount, first found wins
};

// One message walked. Every segment read leaves raw fields named by tag and qualifier or data element
// ("BGM.1004", "DTM.137", "RFF.ON", "MOA.203", "QTY.21", "NAD.BY") on the record of its group, so mappings
// can read what the neutral fields leave out. Neutral fields set here:
//   header: <number_field>, currency (CUX), the profile's dates, status=cancelled for BGM 1225 '1';
//   partner (role, partner_number, name, address_line, city, postal_code, country, vat from RFF VA);
//   line: <line_parent_field>, line_no, sku (LIN 7140, else the first PIA), description (IMD, else FTX),
//   quantity + unit, unit_price (PRI AAA, else AAB; price_basis_quantity), tax_rate (TAX, as a fraction),
//   amount (the profile's MOA, else quantity × unit_price when the basis is 1).
// Source ids: header = the document number, line = "<number>/<line_no>", partner = "<number>/<NAD 3035>".
struct EdifactWalk {
  sdk::Record header;
  std::vector<sdk::Record> partners;
  std::vector<std::string> partner_qualifiers;  // NAD 3035 of each partner (BY, SU, DP, IV…)
  std::vector<sdk::Record> lines;
  // MOA after UNS or in the header, 5025 qualifier → canonical amount and its currency (6345).
  struct Amount {
    std::string qualifier;
    std::string value;
    std::string currency;
  };
  std::vector<Amount> amounts;
  std::string document_number;
};

// Walks `message` (already accepted by the envelope). DataError naming the segment's position when a
// segment the readers need is malformed (no BGM number, a number that is not one, a date in an unknown
// format, a LIN number twice).
sdk::Result<EdifactWalk> WalkEdifactMessage(const EdifactMessage& message, const EdifactProfile& profile);

// The walk's records in the order a sink takes them: header, partners (when the profile has an entity),
// lines.
std::vector<sdk::Record> WalkRecords(EdifactWalk walk, const EdifactProfile& profile);

// The partner with NAD qualifier `qualifier`, or nullptr.
const sdk::Record* FindPartner(const EdifactWalk& walk, std::string_view qualifier);
// The first of `qualifiers` among the walk's amounts (with the header's currency or none), or nullptr.
const EdifactWalk::Amount* FindAmount(const EdifactWalk& walk, std::initializer_list<std::string_view> qualifiers);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_RECORD_SUPPORT_HPP_
