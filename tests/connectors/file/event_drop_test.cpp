// The outbound side: events as JSON Lines files dropped atomically into a folder, in real folders.
#include "file/event_drop.hpp"

#include <sys/resource.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "file/event_line.hpp"
#include "file_test_support.hpp"

namespace hub::file {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using testing::TempDir;

constexpr std::int64_t kCommittedMs = 1'764'622'990'123;  // 2025-12-01T21:03:10.123Z

sdk::OutboundEvent Event(const std::string& event_id, const std::string& payload = R"({"name":"Acme"})") {
  return {"party.updated", "party", "p-" + event_id, payload, event_id, kCommittedMs};
}

std::string Line(const std::string& event_id, const std::string& payload = R"({"name":"Acme"})") {
  return R"({"event_id":")" + event_id + R"(","kind":"party.updated","entity":"party","id":"p-)" + event_id +
         R"(","occurred_at":"2025-12-01T21:03:10.123Z","payload":)" + payload + "}\n";
}

// Every name in `folder`, dot files included, sorted.
std::vector<std::string> Names(const std::filesystem::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

std::string Contents(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(EventDrop, WritesEachBatchAsOneWholeFileOfOneLinePerEventAndNoTemporaryFile) {
  TempDir dir;
  EventDrop drop(dir.path(), "events");
  sdk::Result<std::size_t> accepted = drop.Write({Event("ev-1"), Event("ev-2", R"({"amount":12.50,"tags":[]})")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 2u);
  ASSERT_THAT(Names(dir.path()), ElementsAre("events-ev-1-2.jsonl"));
  EXPECT_EQ(Contents(dir.path() / "events-ev-1-2.jsonl"), Line("ev-1") + Line("ev-2", R"({"amount":12.50,"tags":[]})"));

  ASSERT_TRUE(drop.Write({Event("ev-3")}).ok());
  EXPECT_THAT(Names(dir.path()), ElementsAre("events-ev-1-2.jsonl", "events-ev-3-1.jsonl"));
}

TEST(EventDrop, ABatchHandedOverAgainOverwritesItsOwnFileInsteadOfAddingACopy) {
  TempDir dir;
  EventDrop drop(dir.path(), "crm");
  ASSERT_TRUE(drop.Write({Event("ev-1"), Event("ev-2")}).ok());
  sdk::Result<std::size_t> again = drop.Write({Event("ev-1", R"({"name":"Acme Ltd"})"), Event("ev-2")});
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(*again, 2u);
  ASSERT_THAT(Names(dir.path()), ElementsAre("crm-ev-1-2.jsonl"));
  EXPECT_EQ(Contents(dir.path() / "crm-ev-1-2.jsonl"), Line("ev-1", R"({"name":"Acme Ltd"})") + Line("ev-2"));
}

TEST(EventDrop, APayloadThatIsNotJsonEndsTheBatchAndTheCallStartingWithItNamesTheEvent) {
  TempDir dir;
  EventDrop drop(dir.path(), "events");
  sdk::Result<std::size_t> accepted = drop.Write({Event("ev-1"), Event("ev-2", "{\"name\":"), Event("ev-3")});
  ASSERT_TRUE(accepted.ok()) << accepted.status().ToString();
  EXPECT_EQ(*accepted, 1u) << "the events before the bad one are delivered";
  ASSERT_THAT(Names(dir.path()), ElementsAre("events-ev-1-1.jsonl"));
  EXPECT_EQ(Contents(dir.path() / "events-ev-1-1.jsonl"), Line("ev-1"));

  sdk::Result<std::size_t> refused = drop.Write({Event("ev-2", "{\"name\":"), Event("ev-3")});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(refused.status().message(),
              HasSubstr("event ev-2 (party.updated party p-ev-2): payload is not valid JSON"));
  EXPECT_THAT(Names(dir.path()), ElementsAre("events-ev-1-1.jsonl"));
}

TEST(EventDrop, AMissingFolderIsUnavailableAndAcceptsNothing) {
  TempDir dir;
  EventDrop drop(dir.path() / "not-mounted", "events");
  sdk::Result<std::size_t> accepted = drop.Write({Event("ev-1")});
  ASSERT_FALSE(accepted.ok());
  EXPECT_EQ(accepted.status().code(), sdk::StatusCode::kUnavailable);
  EXPECT_THAT(accepted.status().message(), HasSubstr("not-mounted does not exist"));
  EXPECT_TRUE(Names(dir.path()).empty());
  EXPECT_EQ(drop.CheckHealth().code(), sdk::StatusCode::kUnavailable);
}

TEST(EventDrop, AFolderThatCannotBeWrittenIsAnIoErrorAndLeavesNothingBehind) {
  TempDir dir;
  const std::filesystem::path not_a_folder = dir.Write("drop", "a file where the folder should be");
  EventDrop drop(not_a_folder, "events");
  sdk::Result<std::size_t> accepted = drop.Write({Event("ev-1")});
  ASSERT_FALSE(accepted.ok());
  EXPECT_EQ(accepted.status().code(), sdk::StatusCode::kIoError);
  EXPECT_THAT(accepted.status().message(), HasSubstr("is not a folder"));
  EXPECT_THAT(Names(dir.path()), ElementsAre("drop"));
  EXPECT_EQ(drop.CheckHealth().code(), sdk::StatusCode::kUnavailable);
}

// A file size limit makes the write fail half way, as a full disk would.
TEST(EventDrop, AWriteThatFailsHalfWayIsAnIoErrorAndRemovesItsTemporaryFile) {
  TempDir dir;
  EventDrop drop(dir.path(), "events");
  std::vector<sdk::OutboundEvent> events;
  for (int i = 0; i < 100; ++i) events.push_back(Event("ev-" + std::to_string(i)));
  rlimit saved{};
  ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &saved), 0);
  auto* previous = std::signal(SIGXFSZ, SIG_IGN);
  rlimit small = saved;
  small.rlim_cur = 1000;
  ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
  sdk::Result<std::size_t> accepted = drop.Write(events);
  ::setrlimit(RLIMIT_FSIZE, &saved);
  std::signal(SIGXFSZ, previous);
  ASSERT_FALSE(accepted.ok());
  EXPECT_EQ(accepted.status().code(), sdk::StatusCode::kIoError);
  EXPECT_THAT(accepted.status().message(), HasSubstr("cannot write"));
  EXPECT_TRUE(Names(dir.path()).empty()) << "neither the event file nor its temporary file";
}

TEST(EventDrop, WritingNoEventsWritesNothing) {
  TempDir dir;
  sdk::Result<std::size_t> accepted = EventDrop(dir.path(), "events").Write({});
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(*accepted, 0u);
  EXPECT_TRUE(Names(dir.path()).empty());
}

TEST(DropFileName, EscapesWhatAFileSystemMightNotTakeAndStaysShortForLongIds) {
  EXPECT_EQ(DropFileName("events", "0195c2a4-7f3e", 3), "events-0195c2a4-7f3e-3.jsonl");
  EXPECT_EQ(DropFileName("events", "a/b:c d%", 1), "events-a%2Fb%3Ac%20d%25-1.jsonl");
  EXPECT_NE(DropFileName("events", "a/b", 1), DropFileName("events", "a%2Fb", 1));
  const std::string long_id(1000, 'x');
  const std::string name = DropFileName("events", long_id, 5);
  EXPECT_LT(name.size(), 160u);
  EXPECT_EQ(name, DropFileName("events", long_id, 5)) << "the same id always gives the same name";
  EXPECT_NE(name, DropFileName("events", long_id + "y", 5));
}

TEST(EventLine, KeepsAPrettyPrintedPayloadOnOneLineWithItsNumbersAsWritten) {
  sdk::Result<std::string> line = EventLine(Event("ev-1", "\n{\r\n  \"amount\": 1.10,\n  \"n\": \"\\n\"\n}\n"));
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_EQ(*line, Line("ev-1", R"({    "amount": 1.10,   "n": "\n" })"));
}

TEST(EventLine, EscapesTextFieldsAndRefusesInvalidUtf8) {
  sdk::OutboundEvent event = Event("ev-\"1\"");
  event.id = "北京\t1";
  sdk::Result<std::string> line = EventLine(event);
  ASSERT_TRUE(line.ok()) << line.status().ToString();
  EXPECT_THAT(*line, HasSubstr(R"({"event_id":"ev-\"1\"",)"));
  EXPECT_THAT(*line, HasSubstr(R"("id":"北京\t1",)"));
  event.id = "\xff";
  EXPECT_EQ(EventLine(event).status().code(), sdk::StatusCode::kDataError);
  EXPECT_THAT(EventLine(event).status().message(), HasSubstr("id is not valid UTF-8"));
}

TEST(IsoUtcMillis, WritesUtcWithMilliseconds) {
  EXPECT_EQ(IsoUtcMillis(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(IsoUtcMillis(kCommittedMs), "2025-12-01T21:03:10.123Z");
  EXPECT_EQ(IsoUtcMillis(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(IsoUtcMillis(951'782'400'007), "2000-02-29T00:00:00.007Z");
}

}  // namespace
}  // namespace hub::file
