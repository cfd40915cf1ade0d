// Messages fetched per second over IMAP from the Dovecot of scripts/lib/mail_servers.sh (bench/imap_fetch.sh
// starts it), through ImapMailbox::Read in pages as `hub sync` reads them, next to a ceiling measured in the
// same run on the same folder — one UID FETCH of the whole folder on one connection, the least the protocol
// costs — and to hub_email_reader's parse of the same bytes. The folder is filled here with the MIME bench's
// four kinds of message (bench/mime_bench_messages.hpp), appended byte for byte. Fetching is timed in wall
// time (the server works too), parsing in the thread's CPU time; best of 3 passes each.
//   build/bin/bench_imap_fetch [messages] [page size]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <vector>

#include "email/imap_mailbox.hpp"
#include "email/imap_replies.hpp"
#include "email/mime_parser.hpp"
#include "mime_bench_messages.hpp"
#include "process_cpu.hpp"
#include "test_mail_folder.hpp"

namespace {

using hub::email::ImapServer;

[[noreturn]] void Fail(const std::string& what, const hub::sdk::Status& status) {
  std::fprintf(stderr, "bench_imap_fetch: %s: %s\n", what.c_str(), status.ToString().c_str());
  std::exit(1);
}

std::string Crlf(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

// The best of three passes of `pass`, in wall seconds.
double BestWallSeconds(const std::function<void()>& pass) {
  double best = 1e30;
  for (int i = 0; i < 3; ++i) {
    const auto start = std::chrono::steady_clock::now();
    pass();
    best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return best;
}

void Row(const char* stage, double seconds, std::size_t messages, double megabytes, double ceiling_seconds) {
  std::printf("| %s | %.0f | %.1f | %.2f |\n", stage, static_cast<double>(messages) / seconds, megabytes / seconds,
              ceiling_seconds / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 2000;
  const std::size_t page = argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100;
  const std::optional<hub::email::TestMailServers> servers = hub::email::TestMailServers::FromEnvironment();
  if (!servers) {
    std::fprintf(stderr, "bench_imap_fetch: no mail servers (run bench/imap_fetch.sh, as root)\n");
    return 1;
  }
  const ImapServer account = servers->Imaps();
  hub::sdk::Result<hub::email::TestMailFolder> folder = hub::email::TestMailFolder::Create(*servers, account, "bench");
  if (!folder.ok()) Fail("creating the folder", folder.status());
  std::size_t bytes = 0;
  for (std::size_t n = 0; n < count; ++n) {
    const std::string message = Crlf(hub::bench::MimeBenchMessage(n));
    bytes += message.size();
    if (hub::sdk::Status appended = folder->Append(message); !appended.ok()) Fail("appending", appended);
  }
  const double megabytes = static_cast<double>(bytes) / (1 << 20);
  std::printf("IMAP: %zu messages, %.1f MB (4 kinds in equal shares) in one folder, imaps on loopback, best of 3\n\n",
              count, megabytes);
  std::printf("| stage | messages/s | MB/s | share of the ceiling |\n| --- | --- | --- | --- |\n");

  const double ceiling_seconds = BestWallSeconds([&] {
    hub::sdk::Result<std::unique_ptr<hub::email::ImapConnection>> connection =
        hub::email::ImapConnection::Open(account, {});
    if (!connection.ok()) Fail("connecting", connection.status());
    hub::sdk::Result<hub::email::ImapReply> examined = (*connection)->Run("EXAMINE \"" + folder->name() + "\"");
    hub::sdk::Result<hub::email::ImapReply> fetched = (*connection)->Run("UID FETCH 1:* (UID BODY.PEEK[])");
    if (!fetched.ok() || !fetched->ok()) Fail("fetching", fetched.status());
    if (fetched->untagged.size() < count) Fail("fetching", hub::sdk::Status::DataError("messages missing"));
  });
  Row("ceiling: one UID FETCH of the whole folder, one connection", ceiling_seconds, count, megabytes, ceiling_seconds);

  std::vector<hub::email::MailboxMessage> read;
  double read_cpu_seconds = 0;
  const double read_seconds = BestWallSeconds([&] {
    const double cpu_start = hub::bench::ThreadCpuSeconds();
    hub::email::ImapMailbox mailbox({account, {folder->name()}}, {}, {});
    read.clear();
    std::string cursor;
    for (bool end = false; !end;) {
      hub::sdk::Result<hub::email::MailboxPage> got = mailbox.Read(cursor, page);
      if (!got.ok()) Fail("reading", got.status());
      for (hub::email::MailboxMessage& message : got->messages) read.push_back(std::move(message));
      cursor = got->next_cursor;
      end = got->end_of_data;
    }
    read_cpu_seconds = hub::bench::ThreadCpuSeconds() - cpu_start;
  });
  if (read.size() != count) Fail("reading", hub::sdk::Status::DataError("read " + std::to_string(read.size())));
  const std::string read_stage = "ImapMailbox::Read in pages of " + std::to_string(page) + " (login included)";
  Row(read_stage.c_str(), read_seconds, count, megabytes, ceiling_seconds);

  const double parse_seconds = hub::bench::BestThreadCpuSeconds([&] {
    for (const hub::email::MailboxMessage& message : read) {
      if (hub::sdk::Result<hub::email::MimeMessage> parsed = hub::email::ParseMimeMessage(message.bytes);
          !parsed.ok()) {
        Fail("parsing", parsed.status());
      }
    }
  });
  Row("ParseMimeMessage of the fetched bytes (thread CPU)", parse_seconds, count, megabytes, ceiling_seconds);
  std::printf("\nthe reading thread's CPU time in the last Read pass: %.3f s of %.3f s\n", read_cpu_seconds,
              read_seconds);
  return 0;
}
