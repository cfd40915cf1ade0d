#include "finance/finance_options.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

#include "finance/embedded_mappings.hpp"
#include "finance/invoice_request_options.hpp"
#include "hub/odbc/incremental_query.hpp"

#ifndef HUB_FINANCE_CONNECTOR_VERSION
#error "HUB_FINANCE_CONNECTOR_VERSION must be defined by the build"
#endif

namespace hub::finance {
namespace {

using sdk::OptionType;

// The stream names of the shipped profile, in its order: the option names <name>_query come from them.
std::vector<std::string> StreamNames() {
  const std::optional<std::vector<StreamSpec>> streams = ProfileStreams("odoo17", std::nullopt);
  std::vector<std::string> names;
  for (const StreamSpec& stream : *streams) names.push_back(stream.name);
  return names;
}

std::string Joined(const std::vector<std::string>& names, std::string_view separator) {
  std::string text;
  for (const std::string& name : names) text.append(text.empty() ? "" : separator).append(name);
  return text;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool IsListSeparator(char c) { return IsSpace(c) || c == ','; }

// Words of a list written with spaces and/or commas.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::size_t at = 0;
  while (at < text.size()) {
    while (at < text.size() && IsListSeparator(text[at])) ++at;
    std::size_t end = at;
    while (end < text.size() && !IsListSeparator(text[end])) ++end;
    if (end > at) words.emplace_back(text.substr(at, end - at));
    at = end;
  }
  return words;
}

}  // namespace

sdk::PluginDescription DescribeFinanceConnector() {
  const std::string streams = Joined(StreamNames(), " ");
  sdk::PluginDescription description;
  description.name = "finance";
  description.version = HUB_FINANCE_CONNECTOR_VERSION;
  description.kind = "connector";
  description.description =
      "Reads customers, invoices and credit notes, invoice lines, receivables, payments and credit limits from "
      "a finance system's own tables over ODBC (Odoo 17), each incrementally on (write_date, id) with an "
      "overlap window for rows committed late; and UBL 2.1 / PEPPOL BIS 3 invoices and credit notes from a watched "
      "folder, with archive and error folders. Delivery events become invoice requests, rows of an interface table "
      "in the finance database or UBL invoice files in a folder, once per delivery.";
  description.options = {
      {"connection", OptionType::kSecret, std::nullopt, false,
       "The finance database's ODBC connection string (`Driver=PostgreSQL Unicode;Server=...;Database=odoo;"
       "Uid=...;Pwd=${env:...}`). Never logged: errors show it with passwords masked. Unset: only `ubl_path` is "
       "read (give one of them, or both)."},
      {"profile", OptionType::kString, "odoo17", false,
       "The ERP schema read: `odoo17` (Odoo 17's `res_partner`, `account_move`, `account_move_line`, "
       "`account_payment`, `ir_property`)."},
      {"streams", OptionType::kString, streams, false,
       "The streams read, separated by spaces or commas, from: `" + streams +
           "`. They are read in that order whatever the order written, so that a record's references come "
           "before it."},
      {"company_id", OptionType::kInteger, std::nullopt, false,
       "Reads only this company's rows (`res_company.id`; partners shared by all companies too). Unset: every "
       "company."},
      {"overlap", OptionType::kDuration, "5m", false,
       "Each run of a stream starts this long before the newest `write_date` it read, so rows committed late "
       "with an older `write_date` are still read. Odoo stamps `write_date` at the start of its transaction: "
       "make it longer than its longest one (imports, reconciliations)."},
      {"sweep_every", OptionType::kDuration, "1h", false,
       "How often a key-set sweep lists the ids of every stream's rows after a run, so that the hub marks the "
       "records whose rows are gone as deleted (a watermark never sees a delete). The first comes this long "
       "after the first run. `0s`: never."},
      {"max_sweep_delete_fraction", OptionType::kString, "0.2", false,
       "The largest share (0 to 1) of a stream's stored records one sweep may delete: a sweep that would delete "
       "more is refused and the run fails naming the count, so an emptied table or a broken query never wipes "
       "the store."},
  };
  const std::vector<sdk::OptionSpec> ubl = UblFolderOptionSpecs();
  description.options.insert(description.options.end(), ubl.begin(), ubl.end());
  const std::vector<sdk::OptionSpec> requests = InvoiceRequestOptionSpecs();
  description.options.insert(description.options.end(), requests.begin(), requests.end());
  description.capabilities.reads = true;
  description.capabilities.writes_events = true;
  description.default_mappings = DefaultMappings();
  for (const std::string& name : StreamNames()) {
    description.options.push_back(
        {name + "_query", OptionType::kString, std::nullopt, false,
         "Replaces the profile's SELECT of stream `" + name +
             "`: one row per record, with the columns `id` and `write_date` and those the mapping reads; no "
             "ORDER BY (it is wrapped and paged by `(write_date, id)`)."});
  }
  return description;
}

sdk::Result<FinanceOptions> ParseFinanceOptions(const sdk::Options& options) {
  FinanceOptions parsed;
  parsed.connection = options.GetString("connection");
  sdk::Result<std::optional<UblFolder>> ubl = ParseUblFolderOptions(options);
  if (!ubl.ok()) return ubl.status();
  parsed.ubl = std::move(ubl).value();
  if (parsed.connection.empty() && !parsed.ubl && !options.Has("invoice_drop_dir")) {
    return sdk::Status::InvalidArgument(
        "give option 'connection' (the finance database's ODBC connection), 'ubl_path' (a folder of UBL invoices), "
        "'invoice_drop_dir' (a folder for invoice requests) or several of them");
  }
  sdk::Result<InvoiceRequestOptions> requests = ParseInvoiceRequestOptions(options, parsed.connection);
  if (!requests.ok()) return requests.status();
  parsed.invoice_requests = std::move(requests).value();
  parsed.profile = options.GetString("profile", parsed.profile);
  std::optional<std::int64_t> company_id;
  if (options.Has("company_id")) {
    sdk::Result<std::int64_t> id = options.GetInteger("company_id", 0);
    if (!id.ok()) return id.status();
    if (*id <= 0) return sdk::Status::InvalidArgument("option 'company_id': must be a company id, 1 or more");
    company_id = *id;
  }
  std::optional<std::vector<StreamSpec>> profile = ProfileStreams(parsed.profile, company_id);
  if (!profile) {
    std::vector<std::string> known;
    for (std::string_view name : ProfileNames()) known.emplace_back(name);
    return sdk::Status::InvalidArgument("option 'profile': '" + parsed.profile + "' is not one of " +
                                        Joined(known, ", "));
  }
  const std::vector<std::string> wanted = Words(options.GetString("streams", Joined(StreamNames(), " ")));
  for (const std::string& name : wanted) {
    const bool known = std::any_of(profile->begin(), profile->end(),
                                   [&name](const StreamSpec& stream) { return stream.name == name; });
    if (!known) {
      return sdk::Status::InvalidArgument("option 'streams': '" + name + "' is not a stream of profile " +
                                          parsed.profile + " (" + Joined(StreamNames(), ", ") + ")");
    }
  }
  if (wanted.empty()) return sdk::Status::InvalidArgument("option 'streams': names no stream");
  for (StreamSpec& stream : *profile) {
    if (std::find(wanted.begin(), wanted.end(), stream.name) == wanted.end()) continue;
    const std::string option = stream.name + "_query";
    if (options.Has(option)) {
      stream.query = odbc::TrimmedQuery(options.GetString(option));
      if (stream.query.empty()) return sdk::Status::InvalidArgument("option '" + option + "': is empty");
    }
    parsed.streams.push_back(std::move(stream));
  }
  sdk::Result<std::chrono::milliseconds> overlap = options.GetDuration("overlap", parsed.overlap);
  if (!overlap.ok()) return sdk::Status::InvalidArgument("option 'overlap': " + overlap.status().message());
  parsed.overlap = *overlap;
  sdk::Result<std::chrono::milliseconds> sweep_every = options.GetDuration("sweep_every", parsed.sweep_every);
  if (!sweep_every.ok()) return sdk::Status::InvalidArgument("option 'sweep_every': " + sweep_every.status().message());
  parsed.sweep_every = *sweep_every;
  if (options.Has("max_sweep_delete_fraction")) {
    const std::string text = options.GetString("max_sweep_delete_fraction");
    double fraction = -1;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), fraction);
    if (error != std::errc() || end != text.data() + text.size() || fraction < 0 || fraction > 1) {
      return sdk::Status::InvalidArgument("option 'max_sweep_delete_fraction': '" + text +
                                          "' is not a number from 0 to 1");
    }
    parsed.max_sweep_delete_fraction = fraction;
  }
  return parsed;
}

}  // namespace hub::finance
