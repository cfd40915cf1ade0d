// What the declarative mapping costs per record: a 10-field row of a Chinese customer export mapped to a
// party (transforms with NFKC on full-width text, two code-table lookups, a concatenation, a constant), and
// an order row with a Chinese date and a currency amount. Compiled once; only Apply is timed.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "config/hub_config.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace {

using hub::config::MappingFieldConfig;
using hub::config::MappingTransform;
using hub::sdk::Value;

MappingFieldConfig Field(std::string target, std::vector<std::string> sources,
                         std::vector<MappingTransform> transforms = {}) {
  MappingFieldConfig field;
  field.target = std::move(target);
  field.sources = std::move(sources);
  field.transforms = std::move(transforms);
  return field;
}

std::vector<hub::config::CodeTableConfig> CodeTables() {
  hub::config::CodeTableConfig countries{"countries", {{"中国", "CN", {}}, {"美国", "US", {}}, {"德国", "DE", {}}}, {}};
  hub::config::CodeTableConfig grades{"grades", {{"重要", "A", {}}, {"一般", "B", {}}, {"普通", "C", {}}}, {}};
  return {countries, grades};
}

hub::config::MappingConfig PartyMapping() {
  constexpr auto kTrim = MappingTransform::kTrim;
  hub::config::MappingConfig mapping;
  mapping.entity = "party";
  mapping.id_source = "客户编号";
  mapping.fields = {
      Field("name", {"客户名称"}, {kTrim, MappingTransform::kNfkc, MappingTransform::kCollapseSpaces}),
      Field("short_name", {"简称"}, {kTrim}),
      Field("uscc", {"统一社会信用代码"}, {kTrim, MappingTransform::kNfkc, MappingTransform::kUpper}),
      Field("country", {"国家"}, {kTrim}),
      Field("province", {"省份"}, {kTrim}),
      Field("address_line", {"城市", "地址"}, {kTrim}),
      Field("phone", {"电话"}, {kTrim}),
      Field("email", {"邮箱"}, {kTrim, MappingTransform::kLower}),
      Field("grade", {"等级"}, {kTrim}),
  };
  mapping.fields[3].lookup = "countries";
  mapping.fields[3].default_value = "CN";
  mapping.fields[8].lookup = "grades";
  MappingFieldConfig kind;
  kind.target = "kind";
  kind.constant = "organization";
  mapping.fields.push_back(kind);
  return mapping;
}

hub::sdk::Record CustomerRow(int line) {
  hub::sdk::Record record;
  record.source_system = "crm_files";
  record.position = "customers.csv:" + std::to_string(line);
  record.Set("客户编号", Value::String("C" + std::to_string(100000 + line)))
      .Set("客户名称", Value::String(" 上海浦东华东贸易有限公司（张江分公司） "))
      .Set("简称", Value::String("华东贸易"))
      .Set("统一社会信用代码", Value::String("９１３１０１１５ma1h7xyz3k"))
      .Set("国家", Value::String("中国"))
      .Set("省份", Value::String("上海市"))
      .Set("城市", Value::String("上海"))
      .Set("地址", Value::String("浦东新区张江路123号"))
      .Set("电话", Value::String("+86 21 5080 1234"))
      .Set("邮箱", Value::String("Sales@HuaDong-Trading.example.cn"))
      .Set("等级", Value::String("重要"));
  return record;
}

hub::config::MappingConfig OrderMapping() {
  hub::config::MappingConfig mapping;
  mapping.entity = "order";
  mapping.fields = {Field("order_number", {"订单号"}), Field("party_source_id", {"客户编号"}),
                    Field("currency", {"币种"}), Field("total_amount", {"金额"}), Field("ordered_on", {"下单日期"})};
  mapping.fields[3].number = hub::config::NumberFormatConfig();
  mapping.fields[3].number->currency = {"¥"};
  mapping.fields[4].date_formats = {"%Y年%m月%d日", "%Y-%m-%d"};
  return mapping;
}

hub::sdk::Record OrderRow(int line) {
  hub::sdk::Record record;
  record.source_system = "erp";
  record.source_id = "SO" + std::to_string(line);
  record.position = "orders.csv:" + std::to_string(line);
  record.Set("订单号", Value::String("SO2023-" + std::to_string(line)))
      .Set("客户编号", Value::String("C100042"))
      .Set("币种", Value::String("CNY"))
      .Set("金额", Value::String("¥1,234,567.50"))
      .Set("下单日期", Value::String("2023年3月15日"));
  return record;
}

void RunMapping(benchmark::State& state, const hub::config::MappingConfig& config, hub::sdk::Record (*row)(int)) {
  auto mapping = hub::sync::mapping::CompiledMapping::Compile(config, CodeTables());
  if (!mapping.ok()) {
    state.SkipWithError(mapping.status().message().c_str());
    return;
  }
  std::vector<hub::sdk::Record> records;
  for (int line = 2; line < 1002; ++line) records.push_back(row(line));
  std::size_t mapped = 0;
  for (auto _ : state) {
    for (const hub::sdk::Record& record : records) {
      hub::sync::mapping::MappingOutcome outcome = mapping->Apply(record);
      mapped += outcome.ok() ? 1 : 0;
      benchmark::DoNotOptimize(outcome);
    }
  }
  if (mapped != state.iterations() * records.size()) state.SkipWithError("a record was rejected");
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * records.size()));
}

void BM_MapChineseCustomerRow(benchmark::State& state) { RunMapping(state, PartyMapping(), CustomerRow); }
BENCHMARK(BM_MapChineseCustomerRow);

void BM_MapOrderRowWithDateAndAmount(benchmark::State& state) { RunMapping(state, OrderMapping(), OrderRow); }
BENCHMARK(BM_MapOrderRowWithDateAndAmount);

}  // namespace

BENCHMARK_MAIN();
