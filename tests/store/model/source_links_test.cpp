// SourceLinks' batched look-up on both engines: every source id found whatever its characters, absent ones
// remembered as absent, and more ids than one query takes.
#include "store/model/source_links.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hub/odbc/transaction.hpp"
#include "model/catalog.hpp"
#include "store/odbc/batch_writer.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The sink's migrated store; the links are read and written on `connection_` directly.
class SourceLinksTest : public sync::test::SinkTest {
 protected:
  // Stores a party link of source system "erp" for each of `ids`, the i-th with record id 1000 + i.
  void InsertLinks(const std::vector<std::string>& ids) {
    auto transaction = odbc::Transaction::Begin(*connection_);
    ASSERT_TRUE(transaction.ok()) << transaction.status().ToString();
    auto writer = odbc::BatchWriter::Create(
        *connection_, {"source_links", {"source_system", "entity", "source_id", "record_id", "content_hash"}, "", 0});
    ASSERT_TRUE(writer.ok()) << writer.status().ToString();
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ASSERT_TRUE(writer
                      ->Add({Value::String("erp"), Value::String("party"), Value::String(ids[i]),
                             Value::Int64(1000 + static_cast<std::int64_t>(i)), Value::String("hash")})
                      .ok());
    }
    const sdk::Status flushed = writer->Flush();
    ASSERT_TRUE(flushed.ok()) << flushed.ToString();
    ASSERT_TRUE(transaction->Commit().ok());
  }

  static model::MappedRecord Record(const std::string& id) {
    model::MappedRecord record;
    record.entity = model::FindEntity("party");
    record.source_system = "erp";
    record.source_id = id;
    return record;
  }
};

TEST_P(SourceLinksTest, PrefetchFindsSourceIdsOfAnyCharactersAndRemembersTheAbsentOnes) {
  const std::vector<std::string> stored = {
      "a\"b", "back\\slash", "comma,and{braces}", "NULL", " pad ", "上海-001", "it's", ""};
  InsertLinks(stored);
  std::vector<std::string> wanted = stored;
  wanted.push_back("absent");
  SourceLinks links(*connection_);
  const sdk::Status prefetched = links.Prefetch("party", "erp", wanted);
  ASSERT_TRUE(prefetched.ok()) << prefetched.ToString();
  for (std::size_t i = 0; i < stored.size(); ++i) {
    EXPECT_FALSE(links.KnownAbsent(Record(stored[i]))) << stored[i];
    auto found = links.Find(Record(stored[i]));
    ASSERT_TRUE(found.ok() && found->has_value()) << stored[i];
    EXPECT_EQ((*found)->record_id, 1000 + static_cast<std::int64_t>(i)) << stored[i];
    EXPECT_EQ((*found)->content_hash, "hash");
  }
  EXPECT_TRUE(links.KnownAbsent(Record("absent")));
}

TEST_P(SourceLinksTest, PrefetchOfMoreIdsThanOneQueryTakesFindsThemAll) {
  std::vector<std::string> ids;
  for (int i = 0; i < 6000; ++i) ids.push_back("C" + std::to_string(i));
  InsertLinks(ids);
  ids.push_back("C-new");
  SourceLinks links(*connection_);
  const sdk::Status prefetched = links.Prefetch("party", "erp", ids);
  ASSERT_TRUE(prefetched.ok()) << prefetched.ToString();
  EXPECT_TRUE(links.KnownAbsent(Record("C-new")));  // in the last query on both engines
  int found = 0;
  for (const std::string& id : ids) {
    auto link = links.Find(Record(id));
    ASSERT_TRUE(link.ok()) << link.status().ToString();
    found += link->has_value() ? 1 : 0;
  }
  EXPECT_EQ(found, 6000);
  auto last = links.Find(Record("C5999"));
  ASSERT_TRUE(last.ok() && last->has_value());
  EXPECT_EQ((*last)->record_id, 6999);
}

INSTANTIATE_TEST_SUITE_P(Engines, SourceLinksTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::store_model
