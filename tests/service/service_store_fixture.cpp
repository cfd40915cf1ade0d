#include "service/service_store_fixture.hpp"

#include "config/config_error.hpp"
#include "service/store_access.hpp"

namespace hub::service::test {

std::shared_ptr<const HubSetup> ServiceStoreTest::LoadSetup(const std::string& connectors, const std::string& jobs,
                                                            const std::string& runtime) {
  const auto file = files_.Write("hub.xml", "<hub>\n  <store><connection>" + connection_string_ +
                                                "</connection></store>\n  <plugins system=\"false\"><dir>" +
                                                HUB_PLUGIN_DIR + "</dir><dir>" + HUB_LOOP_PLUGIN_DIR + "</dir><dir>" +
                                                HUB_OUTBOUND_PLUGIN_DIR + "</dir><dir>" + HUB_LEDGER_PLUGIN_DIR +
                                                "</dir></plugins>\n  " + runtime + "\n  <connectors>" + connectors +
                                                "</connectors>\n  <jobs>" + jobs + "</jobs>\n</hub>\n");
  HubSetupResult loaded = LoadHubSetup(file, MakeLogger("test"));
  if (!loaded.ok()) {
    ADD_FAILURE() << config::FormatErrors(loaded.errors);
    return nullptr;
  }
  if (store_ == nullptr) {
    auto store = OpenAndMigrateStore(loaded.setup->config, 4, MakeLogger("store"));
    if (!store.ok()) {
      ADD_FAILURE() << store.status().ToString();
      return nullptr;
    }
    store_ = std::move(store).value();
  }
  return loaded.setup;
}

}  // namespace hub::service::test
