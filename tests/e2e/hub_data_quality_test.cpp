// `hub sync` then `hub export customers` over a file of Chinese companies whose phones and codes come in
// every form real exports hold (tests/data/quality/cn_companies.csv): each record is stored, a value
// without a normal form shows as written, and its flag is in the `quality` column.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <boost/json.hpp>

#include <map>
#include <string>

#include "e2e_support.hpp"
#include "hub_process.hpp"

namespace hub::test {
namespace {

using ::testing::HasSubstr;

std::string CompaniesConfig(const std::string& csv_path) {
  return R"(<?xml version="1.0" encoding="UTF-8"?>
<hub name="e2e">
  <store><connection>Driver=SQLite3;Database=hub.db</connection></store>
  <plugins dir="plugins"/>
  <connectors>
    <connector name="erp" plugin="file"><path>)" +
         csv_path + R"(</path></connector>
  </connectors>
  <jobs>
    <job name="companies" connector="erp">
      <mapping entity="party" id="客户编号">
        <field target="kind" value="organization"/>
        <field target="name" source="客户名称"/>
        <field target="city" source="城市"/>
        <field target="country" value="CN"/>
        <field target="phone" source="电话"/>
        <field target="mobile" source="手机"/>
        <field target="uscc" source="统一社会信用代码" transform="trim|nfkc|upper"/>
      </mapping>
    </job>
  </jobs>
</hub>
)";
}

class HubDataQualityTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string csv = std::string(HUB_SOURCE_DIR) + "/tests/data/quality/cn_companies.csv";
    config_ = sandbox_.Write("hub.xml", CompaniesConfig(csv)).string();
  }

  // The export's customers by name.
  std::map<std::string, boost::json::object> ExportByName() {
    CommandResult exported = RunHub({"export", "customers", "--config", config_, "--format", "json"});
    EXPECT_EQ(exported.exit_status, 0) << exported.output;
    std::map<std::string, boost::json::object> customers;
    boost::system::error_code error;
    boost::json::value parsed = boost::json::parse(exported.output, error);
    EXPECT_FALSE(error) << exported.output;
    if (error || !parsed.is_array()) return customers;
    for (const boost::json::value& customer : parsed.as_array()) {
      customers[std::string(customer.at("name").as_string())] = customer.as_object();
    }
    return customers;
  }

  HubSandbox sandbox_;
  std::string config_;
};

std::string Text(const boost::json::object& customer, const char* column) {
  const boost::json::value& value = customer.at(column);
  return value.is_null() ? "" : std::string(value.as_string());
}

TEST_F(HubDataQualityTest, EveryCompanyIsStoredAndEachBadValueShowsAsWrittenWithItsFlag) {
  CommandResult synced = RunHub({"sync", "companies", "--config", config_});
  ASSERT_EQ(synced.exit_status, 0) << synced.output;
  EXPECT_THAT(synced.output, HasSubstr("read=7 inserted=7 updated=0 merged=0 quarantined=0"));
  std::map<std::string, boost::json::object> customers = ExportByName();
  ASSERT_EQ(customers.size(), 7u);

  const boost::json::object& good = customers.at("上海华腾贸易有限公司");
  EXPECT_EQ(Text(good, "phone"), "+862158881234");
  EXPECT_EQ(Text(good, "uscc"), "91310115MA4CL12T22");
  EXPECT_EQ(Text(good, "quality"), "");

  EXPECT_EQ(Text(customers.at("深圳市鹏程电子科技有限公司"), "phone"), "+8613885398656");
  EXPECT_EQ(Text(customers.at("北京海淀数据服务有限公司"), "phone"), "+861062557788");
  EXPECT_EQ(Text(customers.at("杭州西湖客服中心有限公司"), "phone"), "+864008208820");
  EXPECT_EQ(Text(customers.at("深圳市前海物流有限公司"), "phone"), "+8675526603321");

  const boost::json::object& impossible = customers.at("北京中科远景软件股份有限公司");
  EXPECT_EQ(Text(impossible, "phone"), "(010)10940526") << "the raw number, not an empty column";
  EXPECT_EQ(Text(impossible, "uscc"), "91110108MA72HD1T37");
  EXPECT_EQ(Text(impossible, "quality"), "uscc invalid_uscc: 91110108MA72HD1T37; phone invalid_phone: (010)10940526");

  const boost::json::object& mixed = customers.at("深圳市南山精密机械有限公司");
  EXPECT_EQ(Text(mixed, "phone"), "+8613885398657");
  EXPECT_EQ(Text(mixed, "quality"), "phone invalid_phone: (0755)02751996");
  EXPECT_EQ(Text(customers.at("深圳市前海物流有限公司"), "quality"), "uscc invalid_uscc: 91320508754323199Q");
}

}  // namespace
}  // namespace hub::test
