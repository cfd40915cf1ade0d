// Outbound mail throughput of the email connector (hub_email_mail): events mailed per second by MailSender
// (template rendering, MIME composition with GMime, SMTP submission over one kept connection) to the real
// Postfix of scripts/lib/mail_servers.sh, next to ceilings measured in the same run: composing alone (no
// network), and SmtpClient submitting the same already composed bytes (the transport alone). Wall-clock time,
// best of 3 passes (the server's work counts; the machine is shared). The numbers go to docs/BENCHMARKS.md.
//   source scripts/lib/test_servers.sh && start_mail_servers && build/bin/bench_mail_send [mails]; stop_servers
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "email/mail_sender.hpp"
#include "email/smtp_client.hpp"

namespace {

namespace fs = std::filesystem;

std::string Env(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? "" : value;
}

hub::sdk::OutboundEvent Event(std::size_t n, int pass) {
  hub::sdk::OutboundEvent event;
  event.kind = "task.created";
  event.entity = "task";
  event.id = std::to_string(n);
  event.event_id = "bench" + std::to_string(::getpid()) + "-" + std::to_string(pass) + "-" + std::to_string(n);
  event.occurred_at_unix_ms = 1'767'607'200'000;
  const std::string owner = Env("HUB_TEST_MAIL_USER") + "@" + Env("HUB_TEST_MAIL_DOMAIN");
  event.payload_json = R"json({"subject":"回电：上海远航贸易有限公司 (+862150801234)","document":{"assignee":)json"
                       R"json({"name":"王经理","email":")json" +
                       owner + R"json("},"party":{"name":"上海远航贸易有限公司"}}})json";
  return event;
}

// Best of 3 wall-clock passes of `run(pass)` over `count` items: items per second.
double BestRate(std::size_t count, const std::function<bool(int)>& run) {
  double best = 0;
  for (int pass = 0; pass < 3; ++pass) {
    const auto start = std::chrono::steady_clock::now();
    if (!run(pass)) return 0;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::max(best, static_cast<double>(count) / seconds);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t mails = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 500;
  if (Env("HUB_TEST_MAIL_DIR").empty()) {
    std::fprintf(stderr, "no mail servers: source scripts/lib/test_servers.sh && start_mail_servers first\n");
    return 2;
  }
  const fs::path templates = fs::temp_directory_path() / ("bench-mail-" + std::to_string(::getpid()));
  fs::create_directories(templates);
  std::ofstream(templates / "task.created.subject") << "回电提醒：{{document.party.name}}\n";
  std::ofstream(templates / "task.created.txt")
      << "{{document.assignee.name}}，您好：\n{{payload.subject}}。请尽快回电。\n";
  std::ofstream(templates / "task.created.to") << "{{document.assignee.name}} <{{document.assignee.email}}>\n";
  hub::email::OutboundMailOptions options;
  options.server.url = "smtps://localhost:" + Env("HUB_TEST_SMTPS_PORT");
  options.server.user = Env("HUB_TEST_MAIL_USER2");
  options.server.password = Env("HUB_TEST_MAIL_PASSWORD2");
  options.server.ca_file = Env("HUB_TEST_MAIL_CA");
  options.from = {"hub@" + Env("HUB_TEST_MAIL_DOMAIN"), "Hub 通知"};
  options.templates = templates;
  options.message_id_domain = Env("HUB_TEST_MAIL_DOMAIN");
  auto sender = hub::email::MailSender::Create(options);
  auto client = hub::email::SmtpClient::Create(options.server);
  if (!sender.ok() || !client.ok()) {
    std::fprintf(stderr, "setup failed: %s\n", (sender.ok() ? client.status() : sender.status()).ToString().c_str());
    return 1;
  }
  std::vector<hub::email::EventMail> composed;
  const double compose = BestRate(mails, [&](int pass) {
    composed.clear();
    for (std::size_t n = 0; n < mails; ++n) composed.push_back(*sender->Compose(Event(n, pass)));
    return true;
  });
  const double transport = BestRate(mails, [&](int) {
    for (const hub::email::EventMail& mail : composed) {
      if (hub::sdk::Status sent = client->Send(options.from.address, mail.recipients, mail.bytes); !sent.ok()) {
        return std::fprintf(stderr, "%s\n", sent.ToString().c_str()), false;
      }
    }
    return true;
  });
  const double end_to_end = BestRate(mails, [&](int pass) {
    std::vector<hub::sdk::OutboundEvent> events;
    for (std::size_t n = 0; n < mails; ++n) events.push_back(Event(n, pass + 10));
    auto sent = sender->Deliver(events);
    if (!sent.ok() || *sent != mails) {
      return std::fprintf(stderr, "%s\n", sent.ok() ? "short" : sent.status().ToString().c_str()), false;
    }
    return true;
  });
  fs::remove_all(templates);
  std::printf(
      "mails=%zu compose_only=%.0f/s smtp_transport_only=%.0f/s mailsender_end_to_end=%.0f/s (%.2f ms/mail) "
      "connections=%lld\n",
      mails, compose, transport, end_to_end, 1000.0 / end_to_end, static_cast<long long>(sender->connections_opened()));
  return transport > 0 && end_to_end > 0 ? 0 : 1;
}
