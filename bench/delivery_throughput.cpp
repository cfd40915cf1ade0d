// Delivery throughput: events per second from the outbox to the real `file` connector plugin (its outbound
// side, events_dir), through RunDelivery — lanes, leases, matching, the committed-id bound, one commit of
// the lanes per batch — next to its ceiling measured in the same run on the same rows: reading them in id
// order in batches of the same size and handing each batch to the same plugin instance's WriteEvents (the
// same JSON Lines files, written and renamed the same way), without any delivery state.
//
// Usage: bench_delivery_throughput CONNECTION_STRING EVENTS [BATCH_SIZE]
//   CONNECTION_STRING: an empty database of its own, migrated here; EVENTS outbox rows are written into it
//   first (untimed): party events of EVENTS/3 customers (created, updated, updated), payloads shaped as the
//   sink writes them. BATCH_SIZE: the delivery's batch_size (default 500, the configuration's default).
// The ceiling and the delivery (each time a new subscriber, whose lanes start before the first event)
// alternate three times. Prints one line per measurement: "<engine>, <what>: R events/s (S s for N
// events; CPU C s)", then the medians.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "common/clock.hpp"
#include "delivery/delivery_run.hpp"
#include "delivery/outbox_reader.hpp"
#include "hub/odbc/transaction.hpp"
#include "plugin_host/connector_instance.hpp"
#include "plugin_host/loaded_plugin.hpp"
#include "process_cpu.hpp"
#include "store/odbc/batch_writer.hpp"
#include "store/odbc/database.hpp"
#include "store/schema/migrator.hpp"

namespace {

using hub::sdk::Result;
using hub::sdk::Status;
using hub::sdk::Value;

constexpr std::size_t kEventsPerTransaction = 10000;
// Ceiling and delivery alternate this many times (on the shared machine one pass can be far off).
constexpr int kRepetitions = 3;

// A party event's payload as the sink writes it (MappedRecordJson).
std::string Payload(std::size_t customer, int version) {
  const std::string n = std::to_string(customer);
  return R"({"source_system":"crm","source_id":"C)" + n +
         R"(","fields":{"kind":"organization","name":"上海华腾贸易有限公司)" + n +
         (version > 0 ? " v" + std::to_string(version) : "") + R"(","phone":"+86 138 0013 )" + n +
         R"(","email":"sales)" + n + R"(@example.cn","uscc":"91310115MA1K4ABC1X","city":"上海"}})";
}

Status FillOutbox(hub::odbc::Connection& connection, std::size_t events) {
  std::size_t written = 0;
  while (written < events) {
    auto transaction = hub::odbc::Transaction::Begin(connection);
    if (!transaction.ok()) return transaction.status();
    auto writer = hub::odbc::BatchWriter::Create(
        connection, {"outbox_events", {"aggregate", "aggregate_id", "kind", "payload"}, "", 0});
    if (!writer.ok()) return writer.status();
    for (std::size_t i = 0; i < kEventsPerTransaction && written < events; ++i, ++written) {
      const std::size_t customer = written % (events / 3 + 1);
      const int version = static_cast<int>(written / (events / 3 + 1));
      HUB_RETURN_IF_ERROR(writer->Add({Value::String("party"), Value::String(std::to_string(customer + 1)),
                                       Value::String(version == 0 ? "party.created" : "party.updated"),
                                       Value::String(Payload(customer, version))}));
    }
    HUB_RETURN_IF_ERROR(writer->Flush());
    HUB_RETURN_IF_ERROR(transaction->Commit());
  }
  return Status::Ok();
}

Result<std::unique_ptr<hub::plugin_host::ConnectorInstance>> FileConnector(const std::filesystem::path& events_dir,
                                                                           const hub::Clock& clock) {
  hub::plugin_host::PluginRecord record;
  auto plugin = hub::plugin_host::LoadedPlugin::Open(std::filesystem::path(HUB_PLUGIN_DIR) / "hub_file.so", &record);
  if (!plugin.ok()) return plugin.status();
  auto instance = hub::plugin_host::ConnectorInstance::Create(
      "erp_drop", *plugin, hub::plugin_host::HostServices{nullptr, clock, hub::CancellationToken(), {}});
  if (!instance.ok()) return instance.status();
  std::filesystem::create_directories(events_dir);
  HUB_RETURN_IF_ERROR((*instance)->Configure(hub::sdk::Options({{"events_dir", events_dir.string()}})));
  return instance;
}

void Report(const std::string& what, std::size_t events, double seconds, double cpu) {
  std::printf("%s: %.0f events/s (%.2f s for %zu events; CPU %.2f s)\n", what.c_str(),
              static_cast<double>(events) / seconds, seconds, events, cpu);
}

// The ceiling: the same rows read in id order in batches, each handed to the plugin.
Result<std::size_t> ReadAndWrite(hub::odbc::Connection& connection, hub::plugin_host::ConnectorInstance& connector,
                                 std::size_t batch_size) {
  auto identity = hub::delivery::StoreIdentity(connection);
  if (!identity.ok()) return identity.status();
  std::size_t written = 0;
  std::int64_t after = 0;
  while (true) {
    auto events = hub::delivery::ReadOutbox(connection, after, INT64_MAX, batch_size);
    if (!events.ok()) return events.status();
    if (events->empty()) return written;
    std::vector<hub::sdk::OutboundEvent> outbound;
    outbound.reserve(events->size());
    for (const hub::delivery::OutboxEvent& event : *events) outbound.push_back(ToOutbound(event, *identity));
    auto taken = connector.WriteEvents(outbound);
    if (!taken.ok()) return taken.status();
    written += *taken;
    after = events->back().id;
  }
}

// One ceiling pass over the whole outbox into `dir`: its rate.
Result<double> MeasureCeiling(hub::odbc::Database& database, const std::filesystem::path& dir, const hub::Clock& clock,
                              const std::string& engine, std::size_t batch_size) {
  auto connector = FileConnector(dir, clock);
  if (!connector.ok()) return connector.status();
  auto lease = database.Acquire();
  if (!lease.ok()) return lease.status();
  const auto start = std::chrono::steady_clock::now();
  const double cpu = hub::bench::ProcessCpuSeconds();
  auto written = ReadAndWrite(lease->get(), **connector, batch_size);
  if (!written.ok()) return written.status();
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Report(engine + ", ceiling (read in id order + the plugin's JSONL, batches of " + std::to_string(batch_size) + ")",
         *written, seconds, hub::bench::ProcessCpuSeconds() - cpu);
  return static_cast<double>(*written) / seconds;
}

// One RunDelivery of a new subscriber (its lanes start before the first event) into `dir`: its rate.
Result<double> MeasureDelivery(hub::odbc::Database& database, const std::filesystem::path& dir, const hub::Clock& clock,
                               const std::string& engine, std::size_t batch_size, std::size_t events, int repetition) {
  auto connector = FileConnector(dir, clock);
  if (!connector.ok()) return connector.status();
  hub::delivery::Subscription subscription;
  subscription.name = "erp_feed_" + std::to_string(repetition);
  hub::delivery::DeliveryRunOptions options;
  options.batch_size = batch_size;
  options.owner = "bench@localhost:1:00000001";
  const auto start = std::chrono::steady_clock::now();
  const double cpu = hub::bench::ProcessCpuSeconds();
  hub::delivery::DeliveryRunResult result = hub::delivery::RunDelivery(
      database, subscription,
      [&](const std::vector<hub::sdk::OutboundEvent>& batch) { return (*connector)->WriteEvents(batch); }, options,
      clock, hub::CancellationToken());
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!result.status.ok()) return result.status;
  if (result.counts.delivered != events)
    return Status::Internal("delivered " + std::to_string(result.counts.delivered));
  Report(engine + ", RunDelivery to the file connector (8 lanes, batch_size " + std::to_string(batch_size) + ")",
         result.counts.delivered, seconds, hub::bench::ProcessCpuSeconds() - cpu);
  return static_cast<double>(events) / seconds;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

int Run(const std::string& connection_string, std::size_t events, std::size_t batch_size) {
  hub::odbc::DatabaseOptions options;
  options.connection_strings = {connection_string};
  options.pool_size = 2;
  auto database = hub::odbc::Database::Open(options);
  if (!database.ok()) return std::fprintf(stderr, "%s\n", database.status().ToString().c_str()), 1;
  const std::string engine(hub::odbc::DialectName((*database)->dialect()));
  {
    auto lease = (*database)->Acquire();
    if (!lease.ok()) return std::fprintf(stderr, "%s\n", lease.status().ToString().c_str()), 1;
    auto migrated = hub::schema::Migrate(lease->get());
    if (!migrated.ok()) return std::fprintf(stderr, "%s\n", migrated.status().ToString().c_str()), 1;
    const Status filled = FillOutbox(lease->get(), events);
    if (!filled.ok()) return std::fprintf(stderr, "filling the outbox: %s\n", filled.ToString().c_str()), 1;
  }
  hub::SystemClock clock;
  const std::filesystem::path drop = std::filesystem::temp_directory_path() / ("hub-delivery-bench-" + engine);
  std::vector<double> ceiling_rates;
  std::vector<double> delivery_rates;
  for (int repetition = 1; repetition <= kRepetitions; ++repetition) {
    std::filesystem::remove_all(drop);
    Result<double> ceiling = MeasureCeiling(**database, drop / "ceiling", clock, engine, batch_size);
    if (!ceiling.ok()) return std::fprintf(stderr, "%s\n", ceiling.status().ToString().c_str()), 1;
    ceiling_rates.push_back(*ceiling);
    Result<double> delivery =
        MeasureDelivery(**database, drop / "delivered", clock, engine, batch_size, events, repetition);
    if (!delivery.ok()) return std::fprintf(stderr, "%s\n", delivery.status().ToString().c_str()), 1;
    delivery_rates.push_back(*delivery);
  }
  std::filesystem::remove_all(drop);
  const double ceiling = Median(ceiling_rates);
  const double delivery = Median(delivery_rates);
  std::printf("%s, batch_size %zu, medians of %d: delivery %.0f events/s, ceiling %.0f events/s (%.0f %%)\n",
              engine.c_str(), batch_size, kRepetitions, delivery, ceiling, 100.0 * delivery / ceiling);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s CONNECTION_STRING EVENTS [BATCH_SIZE]\n", argv[0]);
    return 2;
  }
  return Run(argv[1], std::stoul(argv[2]), argc > 3 ? std::stoul(argv[3]) : 500);
}
