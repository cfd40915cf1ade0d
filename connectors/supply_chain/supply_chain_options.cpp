#include "supply_chain/supply_chain_options.hpp"

#include <utility>
#include <vector>

#include "hub/files/document_folder_options.hpp"
#include "supply_chain/default_mappings.hpp"

#ifndef HUB_SUPPLY_CHAIN_CONNECTOR_VERSION
#error "HUB_SUPPLY_CHAIN_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::supply_chain {

using sdk::OptionType;

sdk::PluginDescription DescribeSupplyChainConnector() {
  sdk::PluginDescription description;
  description.name = "supply_chain";
  description.version = HUB_SUPPLY_CHAIN_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads SAP IDoc-XML files (DEBMAS customers, ORDERS05 orders, DELVRY/DESADV deliveries, INVOIC02 "
      "invoices, streamed IDOC by IDOC), UN/EDIFACT ORDERS/DESADV/INVOIC and UBL Order/DespatchAdvice/Invoice "
      "from a watched folder, each file's format told by its content, with archive and error folders; delivers order "
      "events as ORDERS05 IDocs dropped atomically into a folder, once per order.";
  description.options = {
      {"path", OptionType::kPath, std::nullopt, false,
       "The watched folder: every file in it matching `pattern` is read, one after another in name order; files "
       "dropped later are picked up by later reads. Unset: the connector only delivers orders (give `path`, "
       "`drop_dir` or both)."},
      {"drop_dir", OptionType::kPath, std::nullopt, false,
       "Where order events become `ORDERS05_<order>_<event id>.xml` files, written atomically, once per order "
       "(ledger `.hub_sent/<order source id>`). Unset: the connector takes no events."},
      {"outbound_format", OptionType::kString, "idoc", false,
       "The format of outbound orders: `idoc` (an ORDERS05 IDoc, `ORDERS05_<order>_<event id>.xml`) or `ubl` (a UBL "
       "2.1 "
       "Order, `ORDER_<order>_<event id>.xml`)."},
      {"partner_system", OptionType::kString, "supply_chain", false,
       "The hub system whose source link of the order's customer is its SAP customer number (E1EDKA1 AG PARTN)."},
      {"client", OptionType::kString, "100", false, "The SAP client (EDI_DC40 MANDT) of outbound IDocs."},
      {"sender_port", OptionType::kString, "HUB", false, "EDI_DC40 SNDPOR of outbound IDocs."},
      {"sender_partner", OptionType::kString, "HUB", false, "EDI_DC40 SNDPRN (logical system) of outbound IDocs."},
      {"receiver_port", OptionType::kString, "SAP", false, "EDI_DC40 RCVPOR of outbound IDocs."},
      {"receiver_partner", OptionType::kString, std::nullopt, false,
       "EDI_DC40 RCVPRN of outbound IDocs: the SAP system's logical system name. Required with `drop_dir`."},
      {"receiver_partner_type", OptionType::kString, "LS", false, "EDI_DC40 RCVPRT of outbound IDocs."},
      {"order_type", OptionType::kString, "TA", false, "The sales document type sent in E1EDK14 QUALF 012."},
  };
  const std::vector<sdk::OptionSpec> folder = files::DocumentFolderOptionSpecs(
      {"EDIFACT or UBL file read (they are read whole; IDoc-XML files are streamed and have no limit)",
       "not IDoc-XML, malformed XML between IDOCs, ending before its root closes, bytes not in its declared "
       "encoding"});
  description.options.insert(description.options.begin() + 1, folder.begin(), folder.end());
  description.default_mappings = SupplyChainDefaultMappings();
  description.capabilities.reads = true;
  description.capabilities.writes_events = true;
  return description;
}

sdk::Result<SupplyChainOptions> ParseSupplyChainOptions(const sdk::Options& options) {
  SupplyChainOptions parsed;
  if (options.Has("path")) {
    sdk::Result<files::DocumentFolderOptions> folder = files::ParseDocumentFolderOptions(options, "path");
    if (!folder.ok()) return folder.status();
    InboxOptions inbox;
    static_cast<files::DocumentFolderOptions&>(inbox) = std::move(folder).value();
    parsed.inbox = std::move(inbox);
  }
  const std::string format = options.GetString("outbound_format", "idoc");
  if (format != "idoc" && format != "ubl") {
    return sdk::Status::InvalidArgument("option 'outbound_format': '" + format + "' is not idoc or ubl");
  }
  parsed.outbound_format = format == "ubl" ? OutboundFormat::kUbl : OutboundFormat::kIdoc;
  parsed.drop_dir = options.GetString("drop_dir");
  if (!parsed.drop_dir.empty() && !options.Has("receiver_partner")) {
    return sdk::Status::InvalidArgument(
        "option 'receiver_partner' is required with drop_dir: the SAP system's logical system name (RCVPRN)");
  }
  parsed.partner_system = options.GetString("partner_system", "supply_chain");
  Orders05Envelope& envelope = parsed.envelope;
  envelope.client = options.GetString("client", "100");
  envelope.sender_port = options.GetString("sender_port", "HUB");
  envelope.sender_partner = options.GetString("sender_partner", "HUB");
  envelope.receiver_port = options.GetString("receiver_port", "SAP");
  envelope.receiver_partner = options.GetString("receiver_partner");
  envelope.receiver_partner_type = options.GetString("receiver_partner_type", "LS");
  envelope.order_type = options.GetString("order_type", "TA");
  return parsed;
}

}  // namespace hub::supply_chain
