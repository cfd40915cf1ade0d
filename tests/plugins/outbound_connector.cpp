// A connector that only delivers events (Capabilities::reads false): it overrides no ReadBatch, and the
// hub must refuse a sync job on it. It takes every event that carries an event id; its options make it
// misbehave the ways a department's system does, for the delivery tests:
//   fail_first=N          the first N calls answer Unavailable (the system is down, then recovers)
//   refuse_containing=T   an event whose payload holds the text T is refused for good (DataError)
//   accept_per_call=N     at most N events are taken per call (0: all)
//   record_to=PATH        each event taken is appended to PATH as one line:
//                         event_id TAB entity TAB id TAB kind TAB payload (one write per call, O_APPEND,
//                         so that several instances can record to one file)
#include <fcntl.h>
#include <unistd.h>

#include <hub/sdk/sdk.hpp>

#include <cstdint>
#include <string>

namespace outbound {

class OutboundConnector final : public hub::sdk::Connector {
 public:
  explicit OutboundConnector(hub::sdk::Context&) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "test_outbound";
    description.version = "1.0.0";
    description.description = "Takes events, reads nothing.";
    description.capabilities = {.reads = false, .writes_events = true};
    description.options = {
        {"fail_first", hub::sdk::OptionType::kInteger, "0", false, "Calls that fail (Unavailable) before any works."},
        {"refuse_containing", hub::sdk::OptionType::kString, std::nullopt, false,
         "Events whose payload holds this text are refused for good."},
        {"accept_per_call", hub::sdk::OptionType::kInteger, "0", false, "Most events taken per call (0: all)."},
        {"record_to", hub::sdk::OptionType::kPath, std::nullopt, false, "File the events taken are appended to."},
    };
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options& options) override {
    auto fail_first = options.GetInteger("fail_first", 0);
    if (!fail_first.ok()) return fail_first.status();
    auto accept_per_call = options.GetInteger("accept_per_call", 0);
    if (!accept_per_call.ok()) return accept_per_call.status();
    failures_left_ = *fail_first;
    accept_per_call_ = static_cast<std::size_t>(*accept_per_call);
    refuse_containing_ = options.GetString("refuse_containing");
    record_to_ = options.GetString("record_to");
    return hub::sdk::Status::Ok();
  }

  hub::sdk::Result<std::size_t> WriteEvents(const std::vector<hub::sdk::OutboundEvent>& events) override {
    if (failures_left_ > 0) {
      --failures_left_;
      return hub::sdk::Status::Unavailable("the test system is down");
    }
    std::size_t taken = 0;
    std::string lines;
    while (taken < events.size() && !events[taken].event_id.empty() &&
           (accept_per_call_ == 0 || taken < accept_per_call_)) {
      const hub::sdk::OutboundEvent& event = events[taken];
      if (!refuse_containing_.empty() && event.payload_json.find(refuse_containing_) != std::string::npos) {
        if (taken == 0) return hub::sdk::Status::DataError("the test system refuses event " + event.event_id);
        break;
      }
      lines +=
          event.event_id + "\t" + event.entity + "\t" + event.id + "\t" + event.kind + "\t" + event.payload_json + "\n";
      ++taken;
    }
    if (!record_to_.empty() && !lines.empty()) {
      const int file = ::open(record_to_.c_str(), O_WRONLY | O_APPEND | O_CREAT, 0644);
      if (file < 0) return hub::sdk::Status::IoError("cannot open " + record_to_);
      const bool written = ::write(file, lines.data(), lines.size()) == static_cast<ssize_t>(lines.size());
      ::close(file);
      if (!written) return hub::sdk::Status::IoError("cannot write " + record_to_);
    }
    return taken;
  }

 private:
  std::int64_t failures_left_ = 0;
  std::size_t accept_per_call_ = 0;
  std::string refuse_containing_;
  std::string record_to_;
};

}  // namespace outbound

HUB_EXPORT_CONNECTOR(outbound::OutboundConnector)
