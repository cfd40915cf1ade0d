// A customer's open orders, open invoices, receivable balance and credit limits in its record (ReadCustomer,
// as GET /api/v1/customers/{id} answers it), on both engines: drafts, cancelled and paid invoices and
// delivered or closed orders are left out, credit notes reduce the balance, the overdue part comes from the
// receivables due before today, sums are exact, and what a source deleted counts nowhere.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>
#include <utility>
#include <vector>

#include "service/customer_record.hpp"
#include "service/exact_decimal.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::service {
namespace {

using sync::test::Mapping;
using sync::test::Record;

class CustomerAccountsTest : public sync::test::SinkTest {
 protected:
  void SetUp() override {
    SinkTest::SetUp();
    if (HasFatalFailure()) return;
    Sync("party", {"kind", "name"}, {Record("party", "C1", {{"kind", "organization"}, {"name", "华腾"}})});
    Sync("order", {"order_number", "party_source_id", "status", "currency", "total_amount", "ordered_on"},
         {Order("SO1", "open"), Order("SO2", "delivered"), Order("SO3", "confirmed"), Order("SO4", "closed")});
    const std::vector<std::string> invoice_fields = {"invoice_number", "party_source_id", "kind",
                                                     "status",         "currency",        "total_amount",
                                                     "issued_on",      "amount_residual"};
    Sync("invoice", invoice_fields,
         {Invoice("I1", "invoice", "partially_paid", "CNY", "100.10", "2026-11-01"),
          Invoice("I2", "invoice", "paid", "CNY", "0.00", "2026-11-02"),
          Invoice("I3", "invoice", "draft", "CNY", "50.00", "2026-11-03"),
          Invoice("I4", "invoice", "cancelled", "CNY", "70.00", "2026-11-04"),
          Invoice("CN1", "credit_note", "issued", "CNY", "30.50", "2026-11-05"),
          Invoice("I5", "invoice", "issued", "USD", "10.1", "2026-11-06"),
          Invoice("I6", "invoice", "issued", "CNY", "0.20", "2026-11-07"),
          Invoice("I7", "invoice", "issued", "CNY", "999.00", "2026-11-08")});
    sdk::Record gone = Record("invoice", "I7", {});
    gone.operation = sdk::Operation::kDelete;
    Sync("invoice", invoice_fields, {gone});
    Sync("receivable",
         {"party_source_id", "invoice_source_id", "due_on", "currency", "amount", "amount_residual", "status"},
         {Receivable("R1", "2026-11-30", "60.00", "open"), Receivable("R2", "2026-12-31", "40.10", "open"),
          Receivable("R3", "2026-10-01", "25.00", "paid"), Receivable("R4", "2026-12-02", "5.00", "open")});
    Sync("credit_limit", {"party_source_id", "currency", "amount", "blocked"},
         {Record("credit_limit", "CL1",
                 {{"party_source_id", "C1"}, {"currency", "CNY"}, {"amount", "500000"}, {"blocked", "true"}})});
  }

  void Sync(const std::string& entity, const std::vector<std::string>& fields,
            const std::vector<sdk::Record>& records) {
    jobs_[entity] = sync::SinkJob{Mapping(entity, fields), "finance"};
    sync::SyncCounts counts = ApplyAs(entity, records, entity + std::to_string(++batches_));
    ASSERT_EQ(counts.quarantined, 0u) << entity;
  }

  static sdk::Record Order(const std::string& id, const std::string& status) {
    return Record("order", id,
                  {{"order_number", id},
                   {"party_source_id", "C1"},
                   {"status", status},
                   {"currency", "CNY"},
                   {"total_amount", "10.00"},
                   {"ordered_on", "2026-11-01"}});
  }

  static sdk::Record Invoice(const std::string& id, const std::string& kind, const std::string& status,
                             const std::string& currency, const std::string& residual, const std::string& issued_on) {
    return Record("invoice", id,
                  {{"invoice_number", id},
                   {"party_source_id", "C1"},
                   {"kind", kind},
                   {"status", status},
                   {"currency", currency},
                   {"total_amount", "1000.00"},
                   {"issued_on", issued_on},
                   {"amount_residual", residual}});
  }

  static sdk::Record Receivable(const std::string& id, const std::string& due_on, const std::string& residual,
                                const std::string& status) {
    return Record("receivable", id,
                  {{"party_source_id", "C1"},
                   {"invoice_source_id", "I1"},
                   {"due_on", due_on},
                   {"currency", "CNY"},
                   {"amount", residual},
                   {"amount_residual", residual},
                   {"status", status}});
  }

  boost::json::object Customer() {
    const std::int64_t party_id =
        Count("SELECT record_id FROM source_links WHERE entity = 'party' AND source_id = 'C1'");
    odbc::Connection& connection = *connection_;
    sdk::Result<boost::json::object> customer = ReadCustomer(connection, party_id, "2026-12-02", CustomerView::kFull);
    EXPECT_TRUE(customer.ok()) << customer.status().ToString();
    return customer.ok() ? *customer : boost::json::object();
  }

  // The values of member `key` of each object of `array`, joined by spaces.
  static std::string Column(const boost::json::value& array, const std::string& key) {
    std::string joined;
    for (const boost::json::value& item : array.as_array()) {
      joined += (joined.empty() ? "" : " ") + std::string(item.at(key).as_string());
    }
    return joined;
  }

  int batches_ = 0;
};

TEST_P(CustomerAccountsTest, OpenOrdersAreThoseNotDeliveredClosedOrCancelled) {
  EXPECT_EQ(Column(Customer().at("open_orders"), "order_number"), "SO1 SO3");
}

TEST_P(CustomerAccountsTest, OpenInvoicesHaveAResidualAndAreNeitherDraftNorCancelled) {
  EXPECT_EQ(Column(Customer().at("open_invoices"), "invoice_number"), "I1 CN1 I5 I6")
      << "oldest first; I7 was deleted by its source";
}

TEST_P(CustomerAccountsTest, TheBalancePerCurrencyIsInvoicesLessCreditNotesWithTheOverduePart) {
  const boost::json::object customer = Customer();
  const boost::json::array& balances = customer.at("receivable_balance").as_array();
  ASSERT_EQ(balances.size(), 2u);
  EXPECT_EQ(balances[0], (boost::json::value{{"currency", "CNY"},
                                             {"balance", "69.80"},
                                             {"invoices_open", "100.30"},
                                             {"credit_notes_open", "30.50"},
                                             {"overdue", "60.00"}}))
      << "R2 and R4 fall due today or later, R3 is paid";
  EXPECT_EQ(balances[1], (boost::json::value{{"currency", "USD"},
                                             {"balance", "10.10"},
                                             {"invoices_open", "10.10"},
                                             {"credit_notes_open", "0.00"},
                                             {"overdue", "0.00"}}));
}

TEST_P(CustomerAccountsTest, CreditLimitsAreListed) {
  const boost::json::object customer = Customer();
  const boost::json::array& limits = customer.at("credit_limits").as_array();
  ASSERT_EQ(limits.size(), 1u);
  EXPECT_EQ(limits[0].at("currency"), "CNY");
  EXPECT_EQ(ExactDecimal::Parse(std::string(limits[0].at("amount").as_string()))->ToString(), "500000.00");
  EXPECT_EQ(limits[0].at("blocked"), true);
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomerAccountsTest, hub::test::kBothBackends, hub::test::BackendName);

TEST(ExactDecimal, SumsExactlyWithEveryDigitThatCounts) {
  ExactDecimal sum = *ExactDecimal::Parse("0.1") + *ExactDecimal::Parse("0.2");
  EXPECT_EQ(sum.ToString(), "0.30");
  EXPECT_EQ((*ExactDecimal::Parse("-12.3456") + *ExactDecimal::Parse("2")).ToString(), "-10.3456");
  EXPECT_EQ((*ExactDecimal::Parse("5") - *ExactDecimal::Parse("7.5")).ToString(), "-2.50");
  EXPECT_EQ(ExactDecimal::Parse("440000.0000")->ToString(), "440000.00");
  EXPECT_EQ(ExactDecimal::Parse("0.0500")->ToString(), "0.05");
  EXPECT_FALSE(ExactDecimal::Parse("1e3").has_value());
  EXPECT_FALSE(ExactDecimal::Parse("").has_value());
  EXPECT_FALSE(ExactDecimal::Parse("1.2.3").has_value());
}

}  // namespace
}  // namespace hub::service
