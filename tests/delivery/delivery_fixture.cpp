#include "delivery_fixture.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "plugin_host/loaded_plugin.hpp"

namespace hub::delivery::test {
namespace {

const std::filesystem::path kPlugin = std::filesystem::path(HUB_OUTBOUND_PLUGIN_DIR) / "hub_outbound.so";

}  // namespace

std::int64_t OutboxIdOf(const std::string& event_id) { return std::stoll(event_id.substr(event_id.rfind('-') + 1)); }

DeliveryTest::DeliveryTest() : clock_(TimePoint(std::chrono::milliseconds(1'800'000'000'000))) {
  mapping_ = sync::test::Mapping("party", {"kind", "name", "country"});
}

void DeliveryTest::SetUp() { SinkTest::SetUp(); }

void DeliveryTest::SyncParties(const std::vector<std::vector<std::string>>& parties) {
  std::vector<sdk::Record> records;
  for (const std::vector<std::string>& party : parties) {
    records.push_back(sync::test::Record("party", party.at(0),
                                         {{"kind", "organization"}, {"name", party.at(1)}, {"country", party.at(2)}}));
  }
  Apply(records, "after-" + parties.back().at(0));
}

std::unique_ptr<plugin_host::ConnectorInstance> DeliveryTest::Connector(
    const std::string& name, std::vector<std::pair<std::string, std::string>> options) {
  plugin_host::PluginRecord record;
  auto plugin = plugin_host::LoadedPlugin::Open(kPlugin, &record);
  EXPECT_TRUE(plugin.ok()) << plugin.status().ToString();
  if (!plugin.ok()) return nullptr;
  auto instance =
      plugin_host::ConnectorInstance::Create(name, *plugin, plugin_host::HostServices{nullptr, clock_, cancel_, {}});
  EXPECT_TRUE(instance.ok()) << instance.status().ToString();
  if (!instance.ok()) return nullptr;
  options.emplace_back("record_to", Recording(name));
  const sdk::Status configured = (*instance)->Configure(
      sdk::Options(std::map<std::string, std::string, std::less<>>(options.begin(), options.end())));
  EXPECT_TRUE(configured.ok()) << configured.ToString();
  return std::move(instance).value();
}

Subscription DeliveryTest::Subscriber(const std::string& name) {
  Subscription subscription;
  subscription.name = name;
  subscription.lanes = 4;
  return subscription;
}

DeliveryRunResult DeliveryTest::Run(const Subscription& subscription, plugin_host::ConnectorInstance& connector,
                                    const std::string& owner) {
  DeliveryRunOptions options;
  options.owner = owner;
  options.batch_size = 5;  // several batches from a few events
  options.random = [] { return 0.5; };
  return RunDelivery(
      *database_, subscription,
      [&](const std::vector<sdk::OutboundEvent>& events) { return connector.WriteEvents(events); }, options, clock_,
      cancel_);
}

DeliveryCounts DeliveryTest::RunUntilQuiet(const Subscription& subscription, plugin_host::ConnectorInstance& connector,
                                           int runs) {
  DeliveryCounts total;
  for (int i = 0; i < runs; ++i) {
    DeliveryRunResult result = Run(subscription, connector);
    EXPECT_TRUE(result.status.ok()) << result.status.ToString();
    total.delivered += result.counts.delivered;
    total.skipped += result.counts.skipped;
    total.failed_attempts += result.counts.failed_attempts;
    total.dead_lettered += result.counts.dead_lettered;
    total.replayed += result.counts.replayed;
    const DeliveryCounts& c = result.counts;
    if (c.delivered + c.failed_attempts + c.dead_lettered + c.replayed == 0) return total;
    clock_.Advance(subscription.max_backoff + std::chrono::seconds(1));
  }
  ADD_FAILURE() << "still delivering after " << runs << " runs";
  return total;
}

std::string DeliveryTest::Recording(const std::string& name) const { return (dir_.path() / (name + ".tsv")).string(); }

std::int64_t DeliveryTest::NowMs() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()).count();
}

std::vector<Taken> DeliveryTest::Recorded(const std::string& name) const {
  std::vector<Taken> taken;
  std::ifstream in(Recording(name));
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> parts;
    std::size_t at = 0;
    for (int i = 0; i < 4; ++i) {
      const std::size_t tab = line.find('\t', at);
      parts.push_back(line.substr(at, tab - at));
      at = tab + 1;
    }
    taken.push_back({parts[0], parts[1], parts[2], parts[3], line.substr(at)});
  }
  return taken;
}

std::vector<std::string> DeliveryTest::OutboxEventIds() {
  const std::string identity = QueryValue("SELECT id FROM store_identity").text();
  std::vector<std::string> ids;
  for (const odbc::Row& row : QueryRows("SELECT id FROM outbox_events ORDER BY id")) {
    ids.push_back(identity + "-" + std::to_string(row.at(0).integer()));
  }
  return ids;
}

void DeliveryTest::ExpectOnceInOrder(const std::vector<Taken>& taken, const std::vector<std::string>& expected) {
  std::multiset<std::string> seen;
  std::map<std::string, std::int64_t> last;  // by aggregate: the outbox id of its last event taken
  for (const Taken& event : taken) {
    seen.insert(event.event_id);
    const std::int64_t id = OutboxIdOf(event.event_id);
    std::int64_t& before = last[event.entity + "/" + event.id];
    EXPECT_LT(before, id) << "event " << event.event_id << " of " << event.entity << " " << event.id
                          << " arrived after a later event of its aggregate";
    before = id;
  }
  EXPECT_EQ(seen, std::multiset<std::string>(expected.begin(), expected.end()));
}

}  // namespace hub::delivery::test
