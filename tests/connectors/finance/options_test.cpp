// The finance connector's options: defaults, which streams, query overrides, refusals, and the README's table.
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "common/options_doc.hpp"
#include "finance/finance_options.hpp"

namespace hub::finance {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

sdk::Result<FinanceOptions> Parse(std::map<std::string, std::string, std::less<>> values) {
  values.emplace("connection", "Driver=SQLite3;Database=odoo.db");
  return ParseFinanceOptions(sdk::Options(std::move(values)));
}

std::vector<std::string> StreamNames(const FinanceOptions& options) {
  std::vector<std::string> names;
  for (const StreamSpec& stream : options.streams) names.push_back(stream.name);
  return names;
}

TEST(FinanceOptionsParsing, DefaultsReadEveryStreamOfOdoo17WithAFiveMinuteOverlap) {
  sdk::Result<FinanceOptions> parsed = Parse({});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->profile, "odoo17");
  EXPECT_EQ(parsed->overlap, std::chrono::minutes(5));
  EXPECT_EQ(parsed->sweep_every, std::chrono::hours(1));
  EXPECT_EQ(parsed->max_sweep_delete_fraction, 0.2);
  EXPECT_THAT(StreamNames(*parsed),
              ElementsAre("partners", "invoices", "invoice_lines", "receivables", "payments", "credit_limits"));
}

TEST(FinanceOptionsParsing, StreamsAreReadInTheProfilesOrderWhateverTheOrderWritten) {
  sdk::Result<FinanceOptions> parsed = Parse({{"streams", "payments, partners"}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_THAT(StreamNames(*parsed), ElementsAre("partners", "payments"));
}

TEST(FinanceOptionsParsing, AQueryOptionReplacesTheProfilesSelectAndCompanyIdFiltersTheRest) {
  sdk::Result<FinanceOptions> parsed =
      Parse({{"partners_query", " SELECT id, write_date, name FROM res_partner ;"}, {"company_id", "3"}});
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_EQ(parsed->streams[0].query, "SELECT id, write_date, name FROM res_partner");
  EXPECT_THAT(parsed->streams[1].query, HasSubstr("AND m.company_id = 3"));
}

TEST(FinanceOptionsParsing, RefusesWhatTheSchemaCannotSay) {
  EXPECT_THAT(Parse({{"profile", "odoo9"}}).status().message(),
              HasSubstr("option 'profile': 'odoo9' is not one of odoo17"));
  EXPECT_THAT(Parse({{"streams", "partners ledgers"}}).status().message(),
              HasSubstr("option 'streams': 'ledgers' is not a stream of profile odoo17"));
  EXPECT_THAT(Parse({{"streams", " , "}}).status().message(), HasSubstr("option 'streams': names no stream"));
  EXPECT_THAT(Parse({{"company_id", "0"}}).status().message(), HasSubstr("option 'company_id'"));
  EXPECT_THAT(Parse({{"invoices_query", " ; "}}).status().message(), HasSubstr("option 'invoices_query': is empty"));
  EXPECT_THAT(Parse({{"overlap", "5 minutes"}}).status().message(), HasSubstr("option 'overlap'"));
  EXPECT_THAT(Parse({{"sweep_every", "often"}}).status().message(), HasSubstr("option 'sweep_every'"));
  EXPECT_THAT(Parse({{"max_sweep_delete_fraction", "1.5"}}).status().message(),
              HasSubstr("option 'max_sweep_delete_fraction': '1.5' is not a number from 0 to 1"));
  EXPECT_THAT(ParseFinanceOptions(sdk::Options{}).status().message(),
              HasSubstr("give option 'connection' (the finance database's ODBC connection), 'ubl_path'"));
  EXPECT_THAT(Parse({{"ubl_path", "in"}, {"max_file_bytes", "0"}}).status().message(),
              HasSubstr("option 'max_file_bytes' must be positive"));
  EXPECT_THAT(Parse({{"ubl_path", "in"}, {"settle_time", "soon"}}).status().message(),
              HasSubstr("option 'settle_time'"));
}

TEST(FinanceOptionsSchema, DeclaresTheOdoo17AndUblInvoiceMappingsFromTheirFiles) {
  const sdk::PluginDescription description = DescribeFinanceConnector();
  ASSERT_EQ(description.default_mappings.size(), 2u);
  EXPECT_EQ(description.default_mappings[0].name, "odoo17");
  EXPECT_THAT(description.default_mappings[0].xml, ::testing::StartsWith("<!-- The finance connector's default"));
  EXPECT_THAT(description.default_mappings[0].xml, HasSubstr("<table name=\"odoo_invoice_status\">"));
  EXPECT_EQ(description.default_mappings[1].name, "ubl_invoice");
  EXPECT_THAT(description.default_mappings[1].xml, HasSubstr("<field target=\"uscc\" source=\"uscc\""));
}

TEST(FinanceOptionsParsing, AFolderAloneNeedsNoConnectionAndTakesTheWatchedFolderOptions) {
  sdk::Result<FinanceOptions> parsed = ParseFinanceOptions(sdk::Options({{"ubl_path", "inbox"},
                                                                         {"pattern", "*.xml"},
                                                                         {"archive_dir", "done"},
                                                                         {"error_dir", "bad"},
                                                                         {"settle_time", "30s"},
                                                                         {"max_file_bytes", "1000"}}));
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  EXPECT_TRUE(parsed->connection.empty());
  ASSERT_TRUE(parsed->ubl.has_value());
  EXPECT_EQ(parsed->ubl->folder.folder, "inbox");
  EXPECT_EQ(parsed->ubl->folder.pattern, "*.xml");
  EXPECT_EQ(parsed->ubl->folder.archive_dir, "done");
  EXPECT_EQ(parsed->ubl->folder.error_dir, "bad");
  EXPECT_EQ(parsed->ubl->folder.completeness.settle, std::chrono::seconds(30));
  EXPECT_FALSE(parsed->ubl->folder.completeness.declared_final);
  EXPECT_EQ(parsed->ubl->folder.max_file_bytes, 1000u);
  EXPECT_EQ(parsed->ubl->system, "finance_ubl");
  sdk::Result<FinanceOptions> tables = Parse({});
  ASSERT_TRUE(tables.ok());
  EXPECT_FALSE(tables->ubl.has_value());
}

TEST(FinanceOptionsParsing, InvoiceRequestsGoToTheInterfaceTablesOverTheConnection) {
  sdk::Result<FinanceOptions> defaults = Parse({});
  ASSERT_TRUE(defaults.ok()) << defaults.status().ToString();
  EXPECT_EQ(defaults->invoice_requests.connection, "Driver=SQLite3;Database=odoo.db");
  EXPECT_EQ(defaults->invoice_requests.requests_table, "hub_invoice_requests");
  EXPECT_EQ(defaults->invoice_requests.lines_table, "hub_invoice_request_lines");
  EXPECT_EQ(defaults->invoice_requests.finance_system, "finance");
  sdk::Result<FinanceOptions> named = Parse({{"invoice_requests_table", "billing.requests"},
                                             {"invoice_request_lines_table", "billing.request_lines"},
                                             {"finance_system", "odoo"}});
  ASSERT_TRUE(named.ok()) << named.status().ToString();
  EXPECT_EQ(named->invoice_requests.requests_table, "billing.requests");
  EXPECT_EQ(named->invoice_requests.lines_table, "billing.request_lines");
  EXPECT_EQ(named->invoice_requests.finance_system, "odoo");
  EXPECT_TRUE(DescribeFinanceConnector().capabilities.writes_events);
}

TEST(FinanceOptionsParsing, RefusesInterfaceTableNamesThatAreNoIdentifiers) {
  EXPECT_THAT(Parse({{"invoice_requests_table", "requests; DROP TABLE res_partner"}}).status().message(),
              HasSubstr("option 'invoice_requests_table': 'requests; DROP TABLE res_partner' is not a table name"));
  EXPECT_THAT(Parse({{"invoice_request_lines_table", "a.b.c"}}).status().message(),
              HasSubstr("option 'invoice_request_lines_table': 'a.b.c' is not a table name"));
  EXPECT_THAT(Parse({{"invoice_request_lines_table", "hub_invoice_requests"}}).status().message(),
              HasSubstr("is the invoice_requests_table too"));
  EXPECT_THAT(Parse({{"finance_system", "Odoo"}}).status().message(),
              HasSubstr("option 'finance_system': 'Odoo' is not a system name"));
}

TEST(FinanceConnectorReadme, OptionsTableMatchesTheSchema) {
  const std::optional<std::string> table =
      connectors::ReadOptionsTable(std::string(HUB_SOURCE_DIR) + "/connectors/finance/README.md");
  ASSERT_TRUE(table.has_value()) << "connectors/finance/README.md is missing or lacks the options markers";
  const std::string expected = connectors::RenderOptionsTable(DescribeFinanceConnector());
  EXPECT_EQ(*table, expected) << "Paste this table between the markers in connectors/finance/README.md:\n" << expected;
}

}  // namespace
}  // namespace hub::finance
