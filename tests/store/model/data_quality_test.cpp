// Values without a normal form, through the store sink on both engines: kept as written with a
// data-quality flag on the record (new records through the bulk path, updates through the per-record
// path), a phone's kind taken from the number, and the flag cleared when a later sync brings a value that
// normalizes.
#include "store/model/data_quality.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;
using sync::test::EntityMapping;
using sync::test::Mapping;
using sync::test::Record;
using ::testing::HasSubstr;

const std::vector<std::string> kCompanyFields = {"kind", "name", "phone", "mobile", "fax", "uscc", "duns", "country"};

// A company with each field given; "" leaves it out.
sdk::Record Company(const std::string& id, const std::string& phone, const std::string& mobile, const std::string& uscc,
                    const std::string& fax = "") {
  return Record("party", id,
                {{"kind", "organization"},
                 {"name", "深圳市腾飞科技有限公司" + id},
                 {"phone", phone},
                 {"mobile", mobile},
                 {"fax", fax},
                 {"uscc", uscc},
                 {"country", "CN"}});
}

class DataQualityTest : public sync::test::SinkTest {
 protected:
  DataQualityTest() { mapping_ = Mapping("party", kCompanyFields); }

  sync::SyncCounts Sync(const std::vector<sdk::Record>& records) { return Apply(records, std::to_string(++batches_)); }

  // (field, value, problem) of every flag, in id order.
  std::vector<std::vector<std::string>> Flags() {
    std::vector<std::vector<std::string>> flags;
    for (const odbc::Row& row : QueryRows("SELECT field, value, problem, detail FROM data_quality ORDER BY id")) {
      flags.push_back({row[0].text(), row[1].text(), row[2].text()});
      EXPECT_FALSE(row[3].text().empty());
    }
    return flags;
  }

  // (kind, raw, e164 or "-", extension or "-") of every phone, in id order.
  std::vector<std::vector<std::string>> Phones() {
    std::vector<std::vector<std::string>> phones;
    for (const odbc::Row& row : QueryRows("SELECT kind, raw, e164, extension FROM phones ORDER BY id")) {
      phones.push_back({row[0].text(), row[1].text(), row[2].is_null() ? "-" : row[2].text(),
                        row[3].is_null() ? "-" : row[3].text()});
    }
    return phones;
  }

  int batches_ = 0;
};

using Rows = std::vector<std::vector<std::string>>;

TEST_P(DataQualityTest, ANewRecordKeepsEachBadValueAsWrittenWithAFlag) {
  Sync({Company("C1", "(010)10940526", "8613885398656", "91310115MA4CL12T23", "(0755)02751996")});
  EXPECT_EQ(Phones(), (Rows{{"landline", "(010)10940526", "-", "-"},
                            {"mobile", "8613885398656", "+8613885398656", "-"},
                            {"fax", "(0755)02751996", "-", "-"}}));
  EXPECT_EQ(Flags(), (Rows{{"uscc", "91310115MA4CL12T23", "invalid_uscc"},
                           {"phone", "(010)10940526", "invalid_phone"},
                           {"fax", "(0755)02751996", "invalid_phone"}}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers"), 0) << "a code whose check fails is no identifier";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM data_quality d JOIN parties p ON p.id = d.party_id "
                  "JOIN source_links l ON l.id = d.source_link_id AND l.party_id = p.id"),
            3);
  EXPECT_THAT(QueryValue("SELECT detail FROM data_quality WHERE field = 'uscc'").text(),
              HasSubstr("check character is 3, expected 2"));
}

TEST_P(DataQualityTest, APhonesKindIsTheNumbersOwnWhereItTells) {
  Sync({Company("C1", "+86 138-8539-8656", "021 5888 1234 转 808", "", "13885398657")});
  EXPECT_EQ(Phones(), (Rows{{"mobile", "+86 138-8539-8656", "+8613885398656", "-"},
                            {"landline", "021 5888 1234 转 808", "+862158881234", "808"},
                            {"fax", "13885398657", "+8613885398657", "-"}}));
  EXPECT_TRUE(Flags().empty());
}

TEST_P(DataQualityTest, AValidCodeIsStoredAsAnIdentifierWithoutAFlag) {
  Sync({Company("C1", "", "", "9131 0115 MA4C L12T 22")});
  EXPECT_EQ(QueryValue("SELECT value_normalized FROM party_identifiers WHERE scheme = 'uscc'").text(),
            "91310115MA4CL12T22");
  EXPECT_TRUE(Flags().empty());
}

TEST_P(DataQualityTest, ALaterSyncThatBringsValuesThatNormalizeClearsTheFlags) {
  Sync({Company("C1", "(010)10940526", "", "91310115MA4CL12T23"), Company("C2", "(0755)02751996", "", "")});
  ASSERT_EQ(Flags().size(), 3u);
  Sync({Company("C1", "(010)62557788", "", "91310115MA4CL12T22")});
  EXPECT_EQ(Flags(), (Rows{{"phone", "(0755)02751996", "invalid_phone"}})) << "C2's flag is C2's";
  EXPECT_EQ(Count("SELECT COUNT(*) FROM phones WHERE e164 = '+861062557788'"), 1);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM party_identifiers WHERE scheme = 'uscc'"), 1);
  Sync({Company("C1", "(010)10940526", "", "91310115MA4CL12T22")});
  EXPECT_EQ(Flags().size(), 2u) << "a value that goes bad again is flagged again";
}

TEST_P(DataQualityTest, AContactsPhonesAreFlaggedOnThePerson) {
  Sync({Company("C1", "", "", "")});
  mapping_ = Mapping("contact", {"organization_source_id", "name", "phone", "mobile"});
  auto contact = [](const std::string& mobile) {
    return Record("contact", "K1",
                  {{"organization_source_id", "C1"}, {"name", "张伟"}, {"phone", "021-2222"}, {"mobile", mobile}});
  };
  Sync({contact("12345678901")});
  EXPECT_EQ(Flags(), (Rows{{"phone", "021-2222", "invalid_phone"}, {"mobile", "12345678901", "invalid_phone"}}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM data_quality d JOIN parties p ON p.id = d.party_id WHERE p.kind = 'person'"),
            2);
  Sync({contact("139 1234 5678")});
  EXPECT_EQ(Flags(), (Rows{{"phone", "021-2222", "invalid_phone"}}));
}

TEST_P(DataQualityTest, ALeadsPhoneWithoutANormalFormIsFlaggedOnItsLink) {
  mapping_ = Mapping("lead", {"company_name", "phone"});
  Sync({Record("lead", "L1", {{"company_name", "华腾"}, {"phone", "(0755)02751996"}})});
  EXPECT_TRUE(QueryValue("SELECT phone_e164 FROM leads").is_null());
  EXPECT_EQ(Flags(), (Rows{{"phone", "(0755)02751996", "invalid_phone"}}));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM data_quality d JOIN source_links l ON l.id = d.source_link_id "
                  "WHERE l.entity = 'lead' AND d.party_id IS NULL"),
            1);
  Sync({Record("lead", "L1", {{"company_name", "华腾"}, {"phone", "8613885398656"}})});
  EXPECT_EQ(QueryValue("SELECT phone_e164 FROM leads").text(), "+8613885398656");
  EXPECT_TRUE(Flags().empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, DataQualityTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
