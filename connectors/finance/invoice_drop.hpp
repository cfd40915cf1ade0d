// Invoice requests as UBL 2.1 Invoice files in a drop folder, written atomically, once per delivery.
#ifndef HUB_CONNECTORS_FINANCE_INVOICE_DROP_HPP_
#define HUB_CONNECTORS_FINANCE_INVOICE_DROP_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "finance/invoice_request.hpp"
#include "hub/files/drop_ledger.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::finance {

// The UBL 2.1 Invoice of a request (trade_formats::WriteUblInvoice): ID = the request id, IssueDate = the
// delivery date (else the day it was requested), DocumentCurrencyCode, BuyerReference (the customer's
// reference), OrderReference (the order number), DespatchDocumentReference (the delivery number),
// AccountingCustomerParty (PartyIdentification/ID = the customer's finance partner id, else its number in the
// order's system, else its tax id; name, VAT, country), LegalMonetaryTotal = the net amount (no tax: the finance
// system applies its own), one InvoiceLine per line (OrderLineReference = the order line's number). What the
// finance connector's UBL folder reads back (ReadUblInvoiceFile) is the same request. DataError naming the
// request when the customer has none of those ids, or the writer refuses it.
sdk::Result<std::string> UblInvoiceOfRequest(const InvoiceRequest& request);

// Writes each delivery event's InvoiceRequestOf as `INVOICE_REQUEST_<delivery number>_<event id>.xml`, a
// UblInvoiceOfRequest, into drop_dir, once per delivery: through a files::DropLedger keyed by
// `<delivery system>:<delivery source id>` (`drop_dir/.hub_sent/…`), so a redelivered event, one delivered again
// after a crash between the file and its ledger entry (the same name again), and a later update of a delivery
// already requested leave one file. Not thread-safe; one call at a time.
class InvoiceDrop {
 public:
  InvoiceDrop(std::filesystem::path drop_dir, std::string finance_system);

  // Writes the events in order and answers how many were accepted (all, or the prefix before a failure).
  // DataError naming the event for one that cannot become a request or a UBL invoice when it is the first of
  // the batch, else the prefix before it; Unavailable when drop_dir does not exist; IoError when it cannot be
  // written.
  sdk::Result<std::size_t> Write(const std::vector<sdk::OutboundEvent>& events);

  // OK when drop_dir exists and is writable; Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  sdk::Status WriteOne(const sdk::OutboundEvent& event);

  files::DropLedger ledger_;
  std::string finance_system_;
};

}  // namespace hub::finance

#endif  // HUB_CONNECTORS_FINANCE_INVOICE_DROP_HPP_
