#include "cli/deliveries_command.hpp"

#include <algorithm>
#include <memory>

#include "common/clock.hpp"
#include "common/time_format.hpp"
#include "config/config_loader.hpp"
#include "delivery/delivery_queries.hpp"
#include "service/delivery_jobs.hpp"
#include "service/delivery_replay.hpp"
#include "service/store_access.hpp"

namespace hub::cli {
namespace {

std::string TimeOfMs(std::int64_t ms) { return FormatIsoUtc(TimePoint(std::chrono::milliseconds(ms))); }

// The configuration and its store for a command `name`, or the exit status when either fails.
struct Opened {
  config::HubConfig config;
  std::unique_ptr<odbc::Database> store;
  int failed = 0;
};

Opened Open(const std::filesystem::path& config_file, const std::string& name, std::ostream& err) {
  config::ConfigLoadResult loaded = config::LoadConfig(config_file);
  if (!loaded.ok()) {
    for (const config::ConfigError& error : loaded.errors) err << error.ToString() << "\n";
    return {{}, nullptr, 2};
  }
  auto store = service::OpenAndMigrateStore(*loaded.config, 1, MakeLogger("store"));
  if (!store.ok()) {
    err << "hub deliveries " << name << ": store: " << store.status().message() << "\n";
    return {{}, nullptr, 1};
  }
  return {std::move(*loaded.config), std::move(store).value(), 0};
}

// 0 when `subscriber` is a delivery job of `config`; else 2, said on `err`.
int CheckSubscriber(const config::HubConfig& config, const std::string& subscriber, std::ostream& err) {
  std::vector<std::string> subscribers = service::Subscribers(config);
  if (std::find(subscribers.begin(), subscribers.end(), subscriber) != subscribers.end()) return 0;
  std::string names;
  for (const std::string& name : subscribers) names += (names.empty() ? "" : ", ") + name;
  err << config.file.string() << ": no delivery job named '" << subscriber
      << "' (delivery jobs: " << (names.empty() ? "none" : names) << ")\n";
  return 2;
}

std::string StateLine(const delivery::SubscriberState& state) {
  std::string line = state.subscriber + (state.started ? "" : " (not started)") +
                     " lanes=" + std::to_string(state.lanes) + " position=" + std::to_string(state.position) +
                     " pending=" + std::to_string(state.pending) + " delivered=" + std::to_string(state.delivered) +
                     " dead_letters=" + std::to_string(state.dead_letters) +
                     " retrying=" + std::to_string(state.retrying.size());
  for (const delivery::RetryingLane& lane : state.retrying) {
    line += "\n  lane " + std::to_string(lane.lane) + ": " + lane.head_event_id +
            " attempts=" + std::to_string(lane.attempts) + " next=" + TimeOfMs(lane.next_attempt_at_ms) + " " +
            lane.last_error;
  }
  return line;
}

std::string DeadLetterLine(const delivery::DeadLetter& letter) {
  std::string line = letter.event_id + " " + (letter.kind.empty() ? "-" : letter.kind) + " " + letter.aggregate + "/" +
                     letter.aggregate_id + " attempts=" + std::to_string(letter.attempts) +
                     " dead=" + TimeOfMs(letter.dead_at_ms);
  if (letter.replay_requested_at_ms) line += " replay_requested=" + TimeOfMs(*letter.replay_requested_at_ms);
  return line + " " + letter.last_error;
}

}  // namespace

int DeliveriesList(const std::filesystem::path& config_file, std::ostream& out, std::ostream& err) {
  Opened opened = Open(config_file, "list", err);
  if (opened.failed != 0) return opened.failed;
  auto states = delivery::DeliveryStates(*opened.store, service::Subscribers(opened.config));
  if (!states.ok()) {
    err << "hub deliveries list: store: " << states.status().message() << "\n";
    return 1;
  }
  for (const delivery::SubscriberState& state : *states) out << StateLine(state) << "\n";
  out << states->size() << (states->size() == 1 ? " subscriber" : " subscribers") << "\n";
  return 0;
}

int DeliveriesDead(const std::filesystem::path& config_file, const std::string& subscriber, std::size_t limit,
                   std::ostream& out, std::ostream& err) {
  Opened opened = Open(config_file, "dead", err);
  if (opened.failed != 0) return opened.failed;
  if (int unknown = CheckSubscriber(opened.config, subscriber, err); unknown != 0) return unknown;
  auto letters = delivery::ListDeadLetters(*opened.store, subscriber, limit);
  if (!letters.ok()) {
    err << "hub deliveries dead: store: " << letters.status().message() << "\n";
    return 1;
  }
  for (const delivery::DeadLetter& letter : *letters) out << DeadLetterLine(letter) << "\n";
  out << letters->size() << (letters->size() == 1 ? " dead letter" : " dead letters") << "\n";
  return 0;
}

int DeliveriesReplay(const std::filesystem::path& config_file, const std::string& subscriber,
                     const std::vector<std::string>& event_ids, bool all, const std::string& actor, std::ostream& out,
                     std::ostream& err) {
  if (event_ids.empty() == !all) {
    err << "hub deliveries replay: say which dead letters: --event ID (any number) or --all\n";
    return 2;
  }
  Opened opened = Open(config_file, "replay", err);
  if (opened.failed != 0) return opened.failed;
  if (int unknown = CheckSubscriber(opened.config, subscriber, err); unknown != 0) return unknown;
  sdk::Result<std::size_t> requested =
      service::ReplayDeadLetters(*opened.store, {subscriber, event_ids, "operator:" + actor}, SystemClock());
  if (!requested.ok()) {
    err << "hub deliveries replay: " << requested.status().ToString() << "\n";
    return requested.status().code() == sdk::StatusCode::kInvalidArgument ? 2 : 1;
  }
  out << "requested=" << *requested << "\n";
  return 0;
}

}  // namespace hub::cli
