// One connection driven handler by handler on an io_context the test runs itself, so that the order of a
// shed and of a request's arrival is the test's to choose.
#include "api/http_session.hpp"

#include <sys/socket.h>
#include <sys/time.h>

#include <memory>
#include <string>

#include <gtest/gtest.h>
#include <boost/asio/io_context.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>

#include "api/server_context.hpp"
#include "common/logging.hpp"

namespace hub::api {
namespace {

namespace net = boost::asio;
using tcp = net::ip::tcp;

class HttpSessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    ASSERT_TRUE(router
                    .Add("POST", "/run", std::nullopt,
                         [this](const HttpRequest&) {
                           ++runs_;
                           return HttpResponse::Text(200, "started");
                         })
                    .ok());
    config::ApiConfig config;
    config.auth_required = false;
    // Handlers run inline: the test's io_context is the only thread.
    auto run_inline = [](std::function<void()> task) { task(); };
    context_ = std::make_shared<ServerContext>(config, std::move(router), run_inline, ApiServer::Observers{},
                                               MakeLogger("http_session_test"), ApiLimits{});

    tcp::acceptor acceptor(io_, tcp::endpoint(net::ip::make_address("127.0.0.1"), 0));
    client_.connect(acceptor.local_endpoint());
    tcp::socket server(net::make_strand(io_));
    acceptor.accept(server);
    session_ = std::make_shared<HttpSession<PlainStream>>(std::move(server), context_);
    ASSERT_EQ(session_->Register(), Admission::kOrdinary);
  }

  // Everything the client receives until the server closes the connection.
  std::string ReceivedUntilClosed() {
    // A deadline, so that a connection the server wrongly keeps open fails the test instead of hanging it.
    timeval deadline{10, 0};
    ::setsockopt(client_.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &deadline, sizeof(deadline));
    std::string received;
    boost::system::error_code ec;
    net::read(client_, net::dynamic_buffer(received), ec);
    return received;
  }

  net::io_context io_;
  tcp::socket client_{io_};
  std::shared_ptr<ServerContext> context_;
  std::shared_ptr<HttpSession<PlainStream>> session_;
  int runs_ = 0;
};

TEST_F(HttpSessionTest, ARequestThatArrivesAsTheIdleConnectionIsShedIsNeitherRunNorLeftUnanswered) {
  const std::string request = "POST /run HTTP/1.1\r\nHost: hub\r\nContent-Length: 0\r\n\r\n";
  net::write(client_, net::buffer(request));
  session_->Run();
  io_.poll_one();    // the session starts waiting for a request, and its first read completes at once
  session_->Shed();  // the registry gave its place away while it still counted as idle
  session_.reset();
  io_.poll();

  const std::string received = ReceivedUntilClosed();
  // Either answered, or closed without running it (so that the client may safely send it again).
  if (runs_ > 0) {
    EXPECT_NE(received.find("200"), std::string::npos) << "the request ran, but its answer never came";
  } else {
    EXPECT_EQ(received, "");
  }
  EXPECT_EQ(runs_, 0) << received;
}

}  // namespace
}  // namespace hub::api
