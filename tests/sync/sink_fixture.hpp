// A migrated store on both engines with a StoreSink over it, for tests that sync records through the sink
// and read back what it wrote.
#ifndef HUB_TESTS_SYNC_SINK_FIXTURE_HPP_
#define HUB_TESTS_SYNC_SINK_FIXTURE_HPP_

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "store/odbc/database.hpp"
#include "support/store_fixture.hpp"
#include "sync/mapping/compiled_mapping.hpp"
#include "sync/store_sink.hpp"

namespace hub::sync::test {

// A mapping to `entity`: the fields of `first`, then each target taking the source field named in
// `targets` (target, source), with the code tables `code_tables`. Fails the test when it does not compile.
std::shared_ptr<const mapping::CompiledMapping> EntityMapping(
    const std::string& entity, const std::vector<std::pair<std::string, std::string>>& targets,
    std::vector<config::MappingFieldConfig> first = {}, const std::vector<config::CodeTableConfig>& code_tables = {});

// A mapping of `fields` of `entity`, each from the source field of the same name.
std::shared_ptr<const mapping::CompiledMapping> Mapping(const std::string& entity,
                                                        const std::vector<std::string>& fields);

// A record of `entity` with source id `id`, position "<entity>.csv:<id>" and the given text fields.
sdk::Record Record(const std::string& entity, const std::string& id,
                   const std::vector<std::pair<std::string, std::string>>& fields);

// Per test: the store migrated, a one-connection Database and a StoreSink whose jobs are those of `jobs_`,
// and every other job maps with `mapping_` from source system `source_system_` (set them before Apply).
class SinkTest : public hub::test::StoreTest {
 protected:
  void SetUp() override;

  // Applies `records` as one batch of job "customers" with checkpoint `cursor`; fails the test on error.
  SyncCounts Apply(const std::vector<sdk::Record>& records, const std::string& cursor);
  // Applies `records` as one batch of `job` with checkpoint `cursor`; fails the test on error.
  SyncCounts ApplyAs(const std::string& job, const std::vector<sdk::Record>& records, const std::string& cursor);
  // Stores one record of `entity` with source id `id` as a batch of its own, each field mapped from the source
  // field of the same name (replacing `mapping_`); fails the test when the record is quarantined.
  void Store(const std::string& entity, const std::string& id,
             const std::vector<std::pair<std::string, std::string>>& fields);
  // The single integer `sql` answers.
  std::int64_t Count(const std::string& sql);

  std::shared_ptr<const mapping::CompiledMapping> mapping_;
  std::string source_system_ = "erp";
  std::map<std::string, SinkJob> jobs_;
  std::unique_ptr<odbc::Database> database_;
  std::unique_ptr<StoreSink> sink_;
};

}  // namespace hub::sync::test

#endif  // HUB_TESTS_SYNC_SINK_FIXTURE_HPP_
