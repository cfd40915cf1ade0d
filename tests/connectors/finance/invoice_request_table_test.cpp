// Invoice requests written as rows of the interface tables of a real finance database (the Odoo demo in SQLite
// and in the PostgreSQL of scripts/test.sh): created on first use, one row per delivery with its lines and
// status 'new', nothing new for a redelivered event (after a restart too) or a later update of the delivery,
// and the accepted prefix before an event that cannot be a request.
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "delivery_events.hpp"
#include "finance/invoice_request_table.hpp"
#include "finance_database.hpp"

namespace hub::finance::test {
namespace {

using ::testing::HasSubstr;

class InvoiceRequestRows : public FinanceDriverTest {
 protected:
  InvoiceRequestOptions Options() {
    InvoiceRequestOptions options;
    options.connection = db().connection_string();
    return options;
  }

  // The rows of `sql` on a connection of the test's own, each row's columns joined by '|' (NULL as "-").
  std::vector<std::string> Rows(const std::string& sql) {
    std::unique_ptr<odbc::Connection> connection = db().Connect();
    if (connection == nullptr) return {};
    sdk::Result<odbc::RowSet> rows = connection->Query(sql);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    std::vector<std::string> texts;
    if (!rows.ok()) return texts;
    for (const odbc::Row& row : rows->rows) {
      std::string text;
      for (const sdk::Value& value : row) {
        if (!text.empty()) text += "|";
        text += value.is_null()                          ? "-"
                : value.type() == sdk::ValueType::kInt64 ? std::to_string(value.integer())
                                                         : value.text();
      }
      texts.push_back(text);
    }
    return texts;
  }

  std::size_t RequestCount() { return Rows("SELECT request_id FROM hub_invoice_requests").size(); }
};

TEST_P(InvoiceRequestRows, ADeliveryBecomesOneNewRequestRowWithItsLines) {
  InvoiceRequestTable table(Options());
  sdk::Result<std::size_t> accepted = table.Write({DeliveryEvent("store-42", DeliveryPayload())});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u);
  EXPECT_THAT(Rows("SELECT request_id, status, delivery_system, delivery_source_id, delivery_number, order_number, "
                   "customer_partner_id, customer_name, customer_tax_id, currency, "
                   "CAST(CAST(net_amount * 100 AS INTEGER) AS VARCHAR(20)), "
                   "CAST(order_date AS VARCHAR(10)), CAST(delivery_date AS VARCHAR(10)) FROM hub_invoice_requests"),
              ::testing::ElementsAre("store-42|new|supply_chain|0080001234|0080001234|0000012001|11|"
                                     "Nordwind Maschinenbau GmbH|DE811234567|EUR|525500|2026-12-01|2026-12-03"));
  EXPECT_THAT(Rows("SELECT request_id, line_no, order_line_no, sku, CAST(CAST(quantity * 1000 AS INTEGER) AS "
                   "VARCHAR(20)), CAST(CAST(amount * 100 AS INTEGER) AS VARCHAR(20)) FROM hub_invoice_request_lines "
                   "ORDER BY line_no"),
              ::testing::ElementsAre("store-42|1|10|HX-2040|4000|500000", "store-42|2|20|SK-7|6000|25500"));
}

TEST_P(InvoiceRequestRows, ARedeliveredEventWritesNothingNewEvenAfterARestart) {
  const sdk::OutboundEvent event = DeliveryEvent("store-42", DeliveryPayload());
  {
    InvoiceRequestTable table(Options());
    ASSERT_TRUE(table.Write({event}).ok());
    // Delivered again in the same run (the hub's acknowledgement was lost).
    sdk::Result<std::size_t> again = table.Write({event});
    ASSERT_TRUE(again.ok()) << again.status().ToString();
    EXPECT_EQ(*again, 1u) << "accepted, so the hub moves on";
  }
  // A hub killed after the commit and before its acknowledgement starts again and delivers the event again.
  InvoiceRequestTable restarted(Options());
  sdk::Result<std::size_t> after_restart = restarted.Write({event});
  ASSERT_TRUE(after_restart.ok()) << after_restart.status().ToString();
  EXPECT_EQ(RequestCount(), 1u);
  EXPECT_EQ(Rows("SELECT request_id FROM hub_invoice_request_lines").size(), 2u);
}

TEST_P(InvoiceRequestRows, ALaterUpdateOfADeliveryAlreadyRequestedWritesNothing) {
  InvoiceRequestTable table(Options());
  ASSERT_TRUE(table.Write({DeliveryEvent("store-42", DeliveryPayload())}).ok());
  sdk::Result<std::size_t> update = table.Write({DeliveryEvent("store-57", DeliveryPayload(), "delivery.updated")});
  ASSERT_TRUE(update.ok()) << update.status().ToString();
  EXPECT_EQ(*update, 1u);
  EXPECT_THAT(Rows("SELECT request_id FROM hub_invoice_requests"), ::testing::ElementsAre("store-42"));
}

TEST_P(InvoiceRequestRows, AnEventThatCannotBeARequestIsRefusedFirstAndEndsThePrefixLater) {
  InvoiceRequestTable table(Options());
  boost::json::object orderless = DeliveryPayload();
  orderless["document"].as_object()["order"] = nullptr;
  orderless["source_id"] = "0080009999";
  const sdk::OutboundEvent bad = DeliveryEvent("store-43", orderless);
  sdk::Result<std::size_t> first = table.Write({bad});
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(first.status().message(), HasSubstr("event store-43 (delivery.created 7)"));
  EXPECT_THAT(first.status().message(), HasSubstr("order is unknown"));
  sdk::Result<std::size_t> later = table.Write({DeliveryEvent("store-42", DeliveryPayload()), bad});
  ASSERT_TRUE(later.ok()) << later.status().ToString();
  EXPECT_EQ(*later, 1u);
  EXPECT_EQ(RequestCount(), 1u);
}

TEST_P(InvoiceRequestRows, TablesTheFinanceTeamCreatedAreUsedAsTheyAre) {
  InvoiceRequestOptions options = Options();
  options.requests_table = "erp_billing_requests";
  options.lines_table = "erp_billing_request_lines";
  for (const std::string& ddl : InvoiceRequestTableDdl(options)) db().Execute(ddl);
  db().Execute(
      "INSERT INTO erp_billing_requests (request_id, status, delivery_system, delivery_source_id, "
      "delivery_number, order_number, currency, net_amount, requested_at) VALUES ('old-1', 'invoiced', "
      "'supply_chain', '0080000001', '0080000001', '0000011999', 'EUR', 10, CURRENT_TIMESTAMP)");
  InvoiceRequestTable table(options);
  ASSERT_TRUE(table.Write({DeliveryEvent("store-42", DeliveryPayload())}).ok());
  EXPECT_THAT(Rows("SELECT request_id, status FROM erp_billing_requests ORDER BY request_id"),
              ::testing::ElementsAre("old-1|invoiced", "store-42|new"));
}

TEST(FinanceConnectorReadme, ShowsTheInterfaceTablesDdlTheConnectorRuns) {
  std::ifstream file(std::string(HUB_SOURCE_DIR) + "/connectors/finance/README.md");
  std::stringstream readme;
  readme << file.rdbuf();
  std::string expected = "<!-- ddl:begin -->\n```sql\n";
  for (const std::string& statement : InvoiceRequestTableDdl(InvoiceRequestOptions{})) {
    expected += (expected.ends_with("sql\n") ? "" : "\n") + statement + ";\n";
  }
  expected += "```\n<!-- ddl:end -->";
  EXPECT_THAT(readme.str(), HasSubstr(expected))
      << "Put this between the ddl markers of connectors/finance/README.md:\n"
      << expected;
}

INSTANTIATE_TEST_SUITE_P(Drivers, InvoiceRequestRows, ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         DriverName);

}  // namespace
}  // namespace hub::finance::test
