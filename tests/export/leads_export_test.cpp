// The leads export after a real sync on both engines: a phone without a normal form shows as written, and
// the lead's data-quality flags are in its `quality` column, as in the customers export.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <sstream>

#include "export/export_kinds.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::exporting {
namespace {

using sdk::Value;

sdk::Record Lead(const std::string& id, const std::string& phone) {
  sdk::Record record;
  record.entity = "lead";
  record.source_id = id;
  record.position = "leads.csv:" + id;
  record.Set("company_name", Value::String("华腾" + id)).Set("phone", Value::String(phone));
  return record;
}

class LeadsExportTest : public sync::test::SinkTest {
 protected:
  LeadsExportTest() {
    mapping_ = sync::test::EntityMapping("lead", {{"company_name", "company_name"}, {"phone", "phone"}});
  }

  boost::json::array ExportJson() {
    std::ostringstream out;
    sdk::Result<std::uint64_t> rows = WriteExport(*connection_, **FindExportKind("leads"), ExportFormat::kJson, out);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return boost::json::parse(out.str()).as_array();
  }
};

TEST_P(LeadsExportTest, APhoneWithoutANormalFormShowsAsWrittenWithItsFlag) {
  Apply({Lead("L1", "(010)10940526"), Lead("L2", "8613885398656")}, "1");
  boost::json::array leads = ExportJson();
  ASSERT_EQ(leads.size(), 2u);
  EXPECT_EQ(leads[0].at("phone").as_string(), "(010)10940526") << "not a silent blank";
  EXPECT_EQ(leads[0].at("quality").as_string(), "phone invalid_phone: (010)10940526");
  EXPECT_EQ(leads[1].at("phone").as_string(), "+8613885398656");
  EXPECT_EQ(leads[1].at("quality").as_string(), "");
  EXPECT_EQ(leads[1].at("stage").as_string(), "resource") << "a new lead enters the funnel's first stage";
  EXPECT_FALSE(leads[1].at("stage_entered_at").is_null());

  Apply({Lead("L1", "(010)62557788")}, "2");
  leads = ExportJson();
  ASSERT_EQ(leads.size(), 2u);
  EXPECT_EQ(leads[0].at("phone").as_string(), "+861062557788");
  EXPECT_EQ(leads[0].at("quality").as_string(), "") << "the fixed value clears the flag";
}

INSTANTIATE_TEST_SUITE_P(Engines, LeadsExportTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::exporting
