// The owner id of a hub process, and which holders count as gone processes of this host: only an id that
// names this host and a pid with no process behind it.
#include "common/lease_owner.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "support/local_process.hpp"

namespace hub {
namespace {

using test::GonePid;
using test::LocalOwner;

TEST(LeaseOwner, NamesTheInstanceThisHostAndThisProcessWithARandomPartPerProcess) {
  const std::string owner = MakeLeaseOwner("hub-1");
  EXPECT_THAT(owner, ::testing::MatchesRegex("hub-1@.+:[0-9]+:[0-9a-f]{8}"));
  EXPECT_EQ(owner.substr(0, owner.size() - 8), LocalOwner("hub-1", getpid(), ""));
  EXPECT_FALSE(IsGoneLocalProcess(owner)) << "this very process";
}

TEST(LeaseOwner, AHolderOfThisHostWhoseProcessEndedIsGone) {
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  EXPECT_TRUE(IsGoneLocalProcess(LocalOwner("hub", gone)));
  EXPECT_TRUE(IsGoneLocalProcess(LocalOwner("a:b", gone))) << "an instance name with a colon";
}

TEST(LeaseOwner, AnotherHostsHolderIsNeverGoneWhateverItsPid) {
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  EXPECT_FALSE(IsGoneLocalProcess("hub@not-" + LocalOwner("x", gone).substr(2)));
}

TEST(LeaseOwner, AnEndedProcessNotYetReapedStillCountsAsAlive) {
  // A zombie's pid still answers: erring towards waiting for the lease, as a reused pid does.
  const pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  siginfo_t info{};
  ASSERT_EQ(waitid(P_PID, static_cast<id_t>(child), &info, WEXITED | WNOWAIT), 0);  // exited, left unreaped
  EXPECT_FALSE(IsGoneLocalProcess(LocalOwner("hub", child)));
  ASSERT_EQ(waitpid(child, nullptr, 0), child);
  EXPECT_TRUE(IsGoneLocalProcess(LocalOwner("hub", child)));
}

TEST(LeaseOwner, APidThatExistsIsAliveWhoeverItBelongsTo) {
  // pid 1 is some other process (init): a pid reused by an unrelated process makes us wait, never take.
  EXPECT_FALSE(IsGoneLocalProcess(LocalOwner("hub", 1)));
}

TEST(LeaseOwner, AMalformedIdIsNeverGone) {
  const pid_t gone = GonePid();
  ASSERT_GT(gone, 0);
  const std::string local = LocalOwner("hub", gone);
  const std::string host = local.substr(4, local.find(':') - 4);
  for (const std::string& id :
       {std::string(), std::string("hub"), "hub@" + host, "hub@" + host + ":" + std::to_string(gone),
        "hub@" + host + "::0badf00d", "hub@" + host + ":0:0badf00d", "hub@" + host + ":-1:0badf00d",
        "hub@" + host + ":12x:0badf00d", "hub@" + host + ":99999999999999999999:0badf00d",
        host + ":" + std::to_string(gone) + ":0badf00d"}) {
    EXPECT_FALSE(IsGoneLocalProcess(id)) << id;
  }
}

}  // namespace
}  // namespace hub
