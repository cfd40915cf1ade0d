// A configuration of the test's store (both engines) loaded as the service loads it, with its store opened
// and migrated: for tests of the service's jobs against real plugins and a real store.
#ifndef HUB_TESTS_SERVICE_SERVICE_STORE_FIXTURE_HPP_
#define HUB_TESTS_SERVICE_SERVICE_STORE_FIXTURE_HPP_

#include <memory>
#include <string>

#include "service/hub_setup.hpp"
#include "store/odbc/database.hpp"
#include "support/store_fixture.hpp"
#include "support/temp_dir.hpp"

namespace hub::service::test {

class ServiceStoreTest : public hub::test::StoreTest {
 protected:
  // Loads a configuration of this test's store whose <connectors> and <jobs> hold `connectors` and `jobs`
  // (and `runtime`, whole top-level elements such as <runtime/> or <code_tables>, when given), with the build's
  // plugins and the test plugins, and opens the store (migrated) on the first call. Fails the test and answers
  // nullptr on error.
  std::shared_ptr<const HubSetup> LoadSetup(const std::string& connectors, const std::string& jobs,
                                            const std::string& runtime = "");

  odbc::Database& store() { return *store_; }

  hub::test::TempDir files_;
  std::unique_ptr<odbc::Database> store_;
};

}  // namespace hub::service::test

#endif  // HUB_TESTS_SERVICE_SERVICE_STORE_FIXTURE_HPP_
