#include "sink_fixture.hpp"

#include "common/logging.hpp"
#include "store/schema/migrator.hpp"

namespace hub::sync::test {

std::shared_ptr<const mapping::CompiledMapping> Mapping(const std::string& entity,
                                                        const std::vector<std::string>& fields) {
  std::vector<std::pair<std::string, std::string>> targets;
  for (const std::string& field : fields) targets.emplace_back(field, field);
  return EntityMapping(entity, targets);
}

sdk::Record Record(const std::string& entity, const std::string& id,
                   const std::vector<std::pair<std::string, std::string>>& fields) {
  sdk::Record record;
  record.entity = entity;
  record.source_id = id;
  record.position = entity + ".csv:" + id;
  for (const auto& [name, text] : fields) record.Set(name, sdk::Value::String(text));
  return record;
}

std::shared_ptr<const mapping::CompiledMapping> EntityMapping(
    const std::string& entity, const std::vector<std::pair<std::string, std::string>>& targets,
    std::vector<config::MappingFieldConfig> first, const std::vector<config::CodeTableConfig>& code_tables) {
  config::MappingConfig config;
  config.entity = entity;
  config.fields = std::move(first);
  for (const auto& [target, source] : targets) {
    config::MappingFieldConfig field;
    field.target = target;
    field.sources = {source};
    config.fields.push_back(field);
  }
  auto compiled = mapping::CompiledMapping::Compile(config, code_tables);
  EXPECT_TRUE(compiled.ok()) << compiled.status().ToString();
  return std::make_shared<const mapping::CompiledMapping>(std::move(compiled).value());
}

void SinkTest::SetUp() {
  StoreTest::SetUp();
  if (HasFatalFailure()) return;
  auto migrated = schema::Migrate(*connection_);
  ASSERT_TRUE(migrated.ok()) << migrated.status().ToString();
  odbc::DatabaseOptions options;
  options.connection_strings = {connection_string_};
  options.pool_size = 1;
  auto database = odbc::Database::Open(std::move(options));
  ASSERT_TRUE(database.ok()) << database.status().ToString();
  database_ = std::move(database).value();
  sink_ = std::make_unique<StoreSink>(
      *database_,
      [this](std::string_view job) {
        auto configured = jobs_.find(std::string(job));
        return configured != jobs_.end() ? configured->second : SinkJob{mapping_, source_system_};
      },
      MakeLogger("store-test"));
}

SyncCounts SinkTest::Apply(const std::vector<sdk::Record>& records, const std::string& cursor) {
  return ApplyAs("customers", records, cursor);
}

SyncCounts SinkTest::ApplyAs(const std::string& job, const std::vector<sdk::Record>& records,
                             const std::string& cursor) {
  auto counts = sink_->Apply(job, records, cursor);
  EXPECT_TRUE(counts.ok()) << counts.status().ToString();
  return counts.ok() ? *counts : SyncCounts{};
}

void SinkTest::Store(const std::string& entity, const std::string& id,
                     const std::vector<std::pair<std::string, std::string>>& fields) {
  std::vector<std::pair<std::string, std::string>> targets;
  for (const auto& [name, text] : fields) targets.emplace_back(name, name);
  mapping_ = EntityMapping(entity, targets);
  SyncCounts counts = Apply({Record(entity, id, fields)}, entity + ":" + id);
  ASSERT_EQ(counts.quarantined, 0u) << entity << " " << id << ": "
                                    << QueryRows("SELECT COALESCE(MAX(reason), '') FROM quarantine")[0][0].text();
}

std::int64_t SinkTest::Count(const std::string& sql) { return QueryRows(sql).at(0).at(0).integer(); }

}  // namespace hub::sync::test
