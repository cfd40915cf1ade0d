// What crossing the plugin boundary costs per record: the plugin side builds the C view of a batch
// (ExportedBatch), the host copies it back into C++ values (ImportBatch). Records shaped like a customer
// row: 10 string fields of typical length, half of them Chinese text.
#include <benchmark/benchmark.h>

#include "hub/sdk/detail/c_bridge.hpp"

namespace {

hub::sdk::Batch CustomerBatch(std::size_t size) {
  hub::sdk::Batch batch;
  for (std::size_t i = 0; i < size; ++i) {
    hub::sdk::Record record;
    record.entity = "party";
    record.source_id = std::string("C").append(std::to_string(100000 + i));
    record.cursor =
        std::string("customers.csv:").append(std::to_string(i * 120)).append(":").append(std::to_string(i + 2));
    record.position = std::string("customers.csv:").append(std::to_string(i + 2));
    record.Set("name", hub::sdk::Value::String("上海浦东新区华东贸易有限公司"))
        .Set("address", hub::sdk::Value::String("上海市浦东新区张江路123号"))
        .Set("city", hub::sdk::Value::String("上海"))
        .Set("phone", hub::sdk::Value::String("+86 21 5080 1234"))
        .Set("mobile", hub::sdk::Value::String("+86 138 0013 8000"))
        .Set("email", hub::sdk::Value::String("sales@huadong-trading.example.cn"))
        .Set("website", hub::sdk::Value::String("https://www.huadong-trading.example.cn"))
        .Set("tax_id", hub::sdk::Value::String("91310115MA1H7XYZ3K"))
        .Set("industry", hub::sdk::Value::String("批发和零售业"))
        .Set("credit_limit", hub::sdk::Value::Decimal("250000.00"));
    batch.records.push_back(std::move(record));
  }
  batch.next_cursor = "end";
  return batch;
}

void BM_BatchAcrossTheAbi(benchmark::State& state) {
  const hub::sdk::Batch batch = CustomerBatch(static_cast<std::size_t>(state.range(0)));
  hub::sdk::detail::ExportedBatch exported;
  for (auto _ : state) {
    exported.Build(batch);
    hub::sdk::Batch copy = hub::sdk::detail::ImportBatch(*exported.view());
    benchmark::DoNotOptimize(copy.records.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BatchAcrossTheAbi)->Arg(100)->Arg(1000)->Arg(10000);

}  // namespace

BENCHMARK_MAIN();
