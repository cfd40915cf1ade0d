// The customers export after a real sync on both engines: a value without a normal form shows as written,
// and the customer's data-quality flags are in its `quality` column.
#include "export/customers_export.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <sstream>

#include "export/export_kinds.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::exporting {
namespace {

using sdk::Value;
using ::testing::HasSubstr;

sdk::Record Company(const std::string& id, const std::vector<std::pair<std::string, std::string>>& fields) {
  sdk::Record record;
  record.entity = "party";
  record.source_id = id;
  record.position = "companies.csv:" + id;
  record.Set("kind", Value::String("organization")).Set("country", Value::String("CN"));
  for (const auto& [name, text] : fields) record.Set(name, Value::String(text));
  return record;
}

class CustomersExportTest : public sync::test::SinkTest {
 protected:
  CustomersExportTest() {
    std::vector<std::pair<std::string, std::string>> targets;
    for (const char* field : {"kind", "name", "phone", "mobile", "uscc", "country"}) targets.emplace_back(field, field);
    mapping_ = sync::test::EntityMapping("party", targets);
  }

  // The customers export as JSON, parsed.
  boost::json::array ExportJson() {
    sdk::Result<const ExportKind*> kind = FindExportKind("customers");
    EXPECT_TRUE(kind.ok());
    std::ostringstream out;
    sdk::Result<std::uint64_t> rows = WriteExport(*connection_, **kind, ExportFormat::kJson, out);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return boost::json::parse(out.str()).as_array();
  }

  std::string ExportCsv() {
    std::ostringstream out;
    sdk::Result<std::uint64_t> rows = WriteExport(*connection_, **FindExportKind("customers"), ExportFormat::kCsv, out);
    EXPECT_TRUE(rows.ok()) << rows.status().ToString();
    return out.str();
  }
};

std::string Text(const boost::json::value& value) {
  return value.is_null() ? "<null>" : std::string(value.as_string());
}

TEST_P(CustomersExportTest, ABadValueShowsAsWrittenWithTheFlagsInTheQualityColumn) {
  Apply({Company("C1", {{"name", "华腾"},
                        {"phone", "(010)10940526"},
                        {"mobile", "(0755)02751996"},
                        {"uscc", "91310115MA4CL12T23"}}),
         Company("C2", {{"name", "鹏程"}, {"phone", "8613885398656"}, {"uscc", "91440305590830169M"}}),
         Company("C3", {{"name", "远景"}, {"phone", "021-2222"}, {"mobile", "+86 139 2345 6702"}})},
        "1");
  boost::json::array customers = ExportJson();
  ASSERT_EQ(customers.size(), 3u);
  const boost::json::object& bad = customers[0].as_object();
  EXPECT_EQ(Text(bad.at("phone")), "(010)10940526");
  EXPECT_EQ(Text(bad.at("uscc")), "91310115MA4CL12T23");
  EXPECT_EQ(Text(bad.at("quality")),
            "uscc invalid_uscc: 91310115MA4CL12T23; phone invalid_phone: (010)10940526; "
            "mobile invalid_phone: (0755)02751996");
  const boost::json::object& good = customers[1].as_object();
  EXPECT_EQ(Text(good.at("phone")), "+8613885398656");
  EXPECT_EQ(Text(good.at("uscc")), "91440305590830169M");
  EXPECT_EQ(Text(good.at("quality")), "");
  const boost::json::object& mixed = customers[2].as_object();
  EXPECT_EQ(Text(mixed.at("phone")), "+8613923456702") << "a number that normalizes comes first";
  EXPECT_EQ(Text(mixed.at("quality")), "phone invalid_phone: 021-2222");
}

TEST_P(CustomersExportTest, TheQualityColumnIsTheLastAndEmptiesWhenTheValueIsFixed) {
  Apply({Company("C1", {{"name", "华腾"}, {"phone", "(010)10940526"}})}, "1");
  std::string csv = ExportCsv();
  EXPECT_THAT(csv.substr(0, csv.find('\r')), ::testing::EndsWith(",created_at,updated_at,quality"));
  EXPECT_THAT(csv, HasSubstr(",(010)10940526,"));
  Apply({Company("C1", {{"name", "华腾"}, {"phone", "(010)62557788"}})}, "2");
  boost::json::array customers = ExportJson();
  ASSERT_EQ(customers.size(), 1u);
  EXPECT_EQ(Text(customers[0].at("phone")), "+861062557788");
  EXPECT_EQ(Text(customers[0].at("quality")), "");
}

INSTANTIATE_TEST_SUITE_P(Engines, CustomersExportTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::exporting
