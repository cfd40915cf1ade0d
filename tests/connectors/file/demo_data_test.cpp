// The demo sources under config/demo read as the demo expects.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "file_test_support.hpp"

namespace hub::file {
namespace {

FileOptions Demo(const std::string& name, const std::string& id_field) {
  FileOptions options = testing::OptionsFor(std::string(HUB_SOURCE_DIR) + "/config/demo/" + name);
  options.id_field = id_field;
  // The demo files are exports written whole; a fresh checkout gives them a new mtime, so without this
  // bad_rows.csv's unclosed last line would wait for settle_time instead of being rejected.
  options.completeness.declared_final = true;
  return options;
}

TEST(DemoData, EnglishCustomersReadCleanly) {
  auto records = testing::ReadAll(Demo("customers_en.csv", "id"));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 20u);
  EXPECT_TRUE(testing::Rejections(*records).empty());
  EXPECT_EQ((*records)[0].source_id, "CRM-0001");
  EXPECT_EQ(testing::Text((*records)[0], "address"), "Suite 400, 12 Harbour Street");
  EXPECT_EQ(testing::Text((*records)[9], "address"), "Unit 3, \"The Old Mill\", Mill Lane");
}

TEST(DemoData, ChineseGbkCustomersDecodeWithGbkOrAuto) {
  for (const char* encoding : {"gbk", "auto"}) {
    FileOptions options = Demo("customers_cn_gbk.csv", "客户编号");
    options.encoding = encoding;
    auto records = testing::ReadAll(options);
    ASSERT_TRUE(records.ok()) << records.status().ToString();
    ASSERT_EQ(records->size(), 20u) << encoding;
    EXPECT_TRUE(testing::Rejections(*records).empty());
    EXPECT_EQ((*records)[0].source_id, "ERP-CN-0001");
    EXPECT_EQ(testing::Text((*records)[0], "客户名称"), "上海华腾贸易有限公司");
    for (const sdk::Record& record : *records) {
      EXPECT_EQ(testing::Text(record, "统一社会信用代码").size(), 18u) << record.position;
      EXPECT_EQ(testing::Text(record, "电话").rfind("+86 ", 0), 0u) << record.position;
    }
  }
}

TEST(DemoData, WebSignupsReadCleanly) {
  auto records = testing::ReadAll(Demo("customers.jsonl", "signup_id"));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  ASSERT_EQ(records->size(), 10u);
  EXPECT_TRUE(testing::Rejections(*records).empty());
  EXPECT_EQ((*records)[2].Find("employees")->type(), sdk::ValueType::kInt64);
}

TEST(DemoData, BadRowsShowEveryKindOfRejection) {
  auto records = testing::ReadAll(Demo("bad_rows.csv", "id"));
  ASSERT_TRUE(records.ok()) << records.status().ToString();
  EXPECT_EQ(
      testing::Rejections(*records),
      (std::vector<std::string>{"bad_rows.csv:3: 5 columns, header has 10", "bad_rows.csv:4: 11 columns, header has 10",
                                "bad_rows.csv:5: id_field 'id' is empty",
                                "bad_rows.csv:6: invalid GB18030 byte 0xFF at byte 17 of the line",
                                "bad_rows.csv:8: quoted field is not closed before the end of the file"}));
  EXPECT_EQ(records->size(), 7u);
}

}  // namespace
}  // namespace hub::file
