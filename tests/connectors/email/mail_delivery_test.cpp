// The email connector's MailSender as a subscriber of the real event delivery (delivery/RunDelivery on both
// engines, events written by the real sink), against the real Postfix and Dovecot: the SMTP server stopped
// in the middle of the delivery delays the mail, and when it is back every event's mail was submitted once
// (Postfix's log) and is in the mailbox exactly once (counted by Message-ID). Postfix is stopped with its
// queue empty: stopped in the middle of its own LMTP hand-off it may deliver a mail twice, which is not the
// sender's doing. Skipped without the mail servers.
#include <gtest/gtest.h>

#include <algorithm>

#include "delivery_fixture.hpp"
#include "email/mail_composer.hpp"
#include "email/mail_sender.hpp"
#include "mail_sender_fixture.hpp"
#include "mail_servers.hpp"

namespace hub::email::test {
namespace {

using delivery::DeliveryCounts;
using delivery::DeliveryRunOptions;
using delivery::DeliveryRunResult;

class MailDeliveryTest : public delivery::test::DeliveryTest {
 protected:
  void SetUp() override {
    servers_ = TestMailServers::FromEnvironment();
    if (!servers_) GTEST_SKIP() << "no mail servers (scripts/test.sh starts them when run as root)";
    DeliveryTest::SetUp();
    WriteTemplates(templates_);
  }
  DeliveryRunResult RunWith(const delivery::Deliver& deliver) {
    DeliveryRunOptions options;
    options.owner = "hub-a@test:1:0000000a";
    options.batch_size = 4;
    options.random = [] { return 0.5; };
    return RunDelivery(*database_, subscription_, deliver, options, clock_, cancel_);
  }

  std::optional<TestMailServers> servers_;
  hub::test::TempDir templates_;
  delivery::Subscription subscription_ = Subscriber("mail");
};

TEST_P(MailDeliveryTest, TheServerStoppedMidwayDelaysTheMailAndEachEventIsMailedOnce) {
  SyncParties({{"C1", "Acme", "CN"},
               {"C2", "Beta", "US"},
               {"C3", "Gamma", "CN"},
               {"C4", "Delta", "HK"},
               {"C5", "Epsilon", "DE"},
               {"C6", "Zeta", "JP"}});
  std::vector<std::string> ids;
  for (const std::string& event_id : OutboxEventIds()) ids.push_back(MessageIdForEvent(event_id, "hub.test"));
  ASSERT_EQ(ids.size(), 6u);
  sdk::Result<MailSender> sender =
      MailSender::Create(Options(templates_, SmtpsUrl(*servers_), servers_->user2, servers_->password2,
                                 servers_->ca_file, UserAddress(*servers_)));
  ASSERT_TRUE(sender.ok()) << sender.status().ToString();
  // The server goes down after three mails, in the middle of a batch.
  std::size_t before_stop = 3;
  bool stopped = false;
  auto deliver = [&](const std::vector<sdk::OutboundEvent>& events) -> sdk::Result<std::size_t> {
    if (!stopped && before_stop == 0) {
      EXPECT_TRUE(WaitForEmptyQueue(*servers_)) << "Postfix still held mail after 30 s";
      StopSmtpServer(*servers_);
      stopped = true;
    }
    std::vector<sdk::OutboundEvent> offered = events;
    if (!stopped) offered.resize(std::min(offered.size(), before_stop));
    sdk::Result<std::size_t> sent = sender->Deliver(offered);
    if (sent.ok() && !stopped) before_stop -= *sent;
    return sent;
  };
  DeliveryRunResult down = RunWith(deliver);
  ASSERT_TRUE(down.status.ok()) << down.status.ToString();
  EXPECT_EQ(down.counts.delivered, 3u);
  EXPECT_GE(down.counts.failed_attempts, 1u);
  EXPECT_EQ(down.counts.dead_lettered, 0u);

  StartSmtpServer(*servers_);
  DeliveryCounts total = down.counts;
  for (int run = 0; run < 20 && total.delivered < 6; ++run) {
    clock_.Advance(subscription_.max_backoff + std::chrono::seconds(1));
    DeliveryRunResult result = RunWith(deliver);
    ASSERT_TRUE(result.status.ok()) << result.status.ToString();
    total.delivered += result.counts.delivered;
    total.dead_lettered += result.counts.dead_lettered;
  }
  EXPECT_EQ(total.delivered, 6u);
  EXPECT_EQ(total.dead_lettered, 0u);
  const std::map<std::string, int> counts = WaitForMessageIds(*servers_, servers_->user, ids);
  const std::map<std::string, int> submitted = SubmittedMessageIdCounts(*servers_);
  for (const std::string& id : ids) {
    EXPECT_EQ(counts.count(id) ? counts.at(id) : 0, 1) << id;
    EXPECT_EQ(submitted.count(id) ? submitted.at(id) : 0, 1) << id;
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, MailDeliveryTest, hub::test::kBothBackends, hub::test::BackendName);

}  // namespace
}  // namespace hub::email::test
