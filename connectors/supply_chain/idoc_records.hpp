// The records one IDOC gives, per IDoc type: DEBMAS → party; ORDERS05 → order, order_line, order_partner;
// DELVRY/DESADV → delivery, delivery_line; INVOIC02 → invoice, invoice_line (README.md lists every field).
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_RECORDS_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_RECORDS_HPP_

#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "supply_chain/idoc_document.hpp"

namespace hub::supply_chain {

// The records of `idoc`, parents before children (an order before its lines and partners), each with its
// entity, source_id and fields set (neutral names: order_number, line_no …; dates ISO, amounts with a
// leading minus). Position, cursor and source_system are left to the caller. DataError (the reason, e.g.
// "E1EDK01 has no BELNR") when the IDOC cannot give its records: an unknown IDoc type or a missing key.
sdk::Result<std::vector<sdk::Record>> RecordsOfIdoc(const IdocDocument& idoc);

// The line id used for order lines and the lines that refer to them: "BELNR/10" for POSEX "000010" (a
// numeric position loses its leading zeros, so that a delivery's VGPOS meets the order's POSEX).
std::string LineSourceId(std::string_view document, std::string_view position);

// SAP's date YYYYMMDD as ISO YYYY-MM-DD; any other text unchanged (the mapping then refuses it).
std::string IsoDate(std::string_view sap_date);
// SAP's amount with a trailing minus ("12.50-") as "-12.50"; other text unchanged.
std::string SignedAmount(std::string_view sap_amount);

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_RECORDS_HPP_
