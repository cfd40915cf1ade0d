// The fixture of the API's write routes over the real server: a store filled through the sync sink (as a job
// fills it), the routes under test served by a TestServer, requests sent with a role's token.
#ifndef HUB_TESTS_SERVICE_ROUTES_SINK_FIXTURE_HPP_
#define HUB_TESTS_SERVICE_ROUTES_SINK_FIXTURE_HPP_

#include <memory>
#include <string>

#include "api/router.hpp"
#include "api/test_server.hpp"
#include "support/http_client.hpp"
#include "sync/sink_fixture.hpp"

namespace hub::service::test {

class RoutesSinkTest : public sync::test::SinkTest {
 protected:
  void TearDown() override;

  // Serves `router` (replacing a server started before); fails the test when it cannot start.
  void Serve(api::Router router);

  // `method` `target` with `body` and the `token`'s role (operate unless told); a failed request fails the test
  // and answers an empty result.
  hub::test::HttpResult Send(const std::string& method, const std::string& target, const std::string& body = "",
                             const std::string& token = api::test::kOperateToken);

  std::unique_ptr<api::test::TestServer> server_;
};

}  // namespace hub::service::test

#endif  // HUB_TESTS_SERVICE_ROUTES_SINK_FIXTURE_HPP_
