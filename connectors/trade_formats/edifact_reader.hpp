// The EDIFACT message readers: ORDERS, DESADV and INVOIC (D.96A–D.03B and later directories, which agree on
// the segments read here) → neutral records.
#ifndef HUB_TRADE_FORMATS_EDIFACT_READER_HPP_
#define HUB_TRADE_FORMATS_EDIFACT_READER_HPP_

#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "trade_formats/edifact_interchange.hpp"

namespace hub::trade_formats {

// ORDERS → `order` (order_number, customer_reference = BGM 1004; ordered_on DTM 137, requested_on DTM 2;
// currency; party_source_id = NAD BY; total_amount = MOA 86/79/128 or the sum of the lines), one
// `order_partner` per NAD (BY sold_to, DP ship_to, IV bill_to, SU supplier, PR payer, else other), one
// `order_line` per LIN (QTY 21, else 1; PRI AAA/AAB; MOA 203). CNT 2 (number of lines) must agree.
sdk::Result<std::vector<sdk::Record>> ReadEdifactOrders(const EdifactMessage& message);

// DESADV → `delivery` (delivery_number = BGM 1004, status shipped; issued_on DTM 137, shipped_on DTM 11,
// expected_on DTM 17/132, delivered_on DTM 35; order_reference = order_source_id = RFF ON; party_source_id =
// NAD DP; gross_weight/net_weight/weight_unit from MEA AAD/AAL; carrier TDT; tracking_number RFF CN) and one
// `delivery_line` per LIN (QTY 12, else 1; order_line_source_id = "<RFF ON order>/<its line>", from the
// line's RFF ON:order:line, else the header's order and the LIN number).
sdk::Result<std::vector<sdk::Record>> ReadEdifactDesadv(const EdifactMessage& message);

// INVOIC → `invoice` (invoice_number = BGM 1004; kind credit_note for BGM 381, else invoice; issued_on DTM
// 137 or 3, due_on DTM 13; currency; party_source_id = NAD IV, else BY; order_reference = order_source_id =
// RFF ON (or CO); original_invoice_source_id = RFF IV/OI; total_amount MOA 77/86/9, net_amount MOA 125/79,
// tax_amount MOA 176 or the sum of MOA 124) and one `invoice_line` per LIN (QTY 47, else 46/1; MOA 203/38/66).
sdk::Result<std::vector<sdk::Record>> ReadEdifactInvoic(const EdifactMessage& message);

// The reader of the message's type (UNH S009 0065). DataError when the envelope rejected the message (its
// rejection) or when no reader knows its type. Every record's position points into the file.
sdk::Result<std::vector<sdk::Record>> ReadEdifactMessage(const EdifactMessage& message);

}  // namespace hub::trade_formats

#endif  // HUB_TRADE_FORMATS_EDIFACT_READER_HPP_
