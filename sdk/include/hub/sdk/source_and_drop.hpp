// A connector made of a source of records and an outbound drop of events, each there when its option is
// given — the shape of the `file` connector (path, events_dir) and of `supply_chain` (path, drop_dir): the
// plugin glue they share, header-only over the SDK's Connector and Context.
#ifndef HUB_SDK_SOURCE_AND_DROP_HPP_
#define HUB_SDK_SOURCE_AND_DROP_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/sdk/connector.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/context_sinks.hpp"
#include "hub/sdk/status.hpp"

namespace hub::sdk {

// How a SourceAndDropConnector names itself and its two options in its messages. A plain value.
struct SourceAndDropNames {
  std::string connector;      // "supply_chain"
  std::string source_option;  // "path"
  std::string drop_option;    // "drop_dir"
  std::string delivers;       // what the drop takes: "events", "orders"
};

// The Connector whose reading is a `Source` (Result<Batch> ReadBatch(std::string_view, std::size_t) and
// Status CheckHealth()) and whose event delivery is a `Drop` (Result<std::size_t> Write(const
// std::vector<OutboundEvent>&) and Status CheckHealth()). The derived class's Configure parses its options
// and calls Install with the parts they ask for, either possibly null. Until then every call is Internal
// ("not configured"); ReadBatch without a source is InvalidArgument naming the option to give; WriteEvents
// without a drop is Unavailable, not the events' fault: they wait and are retried until the drop is
// configured. CheckHealth asks both parts. Lives as long as the hub's connector instance, which never calls
// it concurrently; `context` outlives it.
template <typename Source, typename Drop>
class SourceAndDropConnector : public Connector {
 public:
  Result<Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    if (!configured_) return NotConfigured();
    if (source_ == nullptr) {
      return Status::InvalidArgument("this " + names_.connector + " connector has no option '" + names_.source_option +
                                     "', so it reads nothing (it only delivers " + names_.delivers + " to " +
                                     names_.drop_option + "): give it " + names_.source_option + " to read");
    }
    return source_->ReadBatch(cursor, max_records);
  }

  Result<std::size_t> WriteEvents(const std::vector<OutboundEvent>& events) override {
    if (!configured_) return NotConfigured();
    if (drop_ == nullptr) {
      return Status::Unavailable("this " + names_.connector + " connector has no option '" + names_.drop_option +
                                 "', so it takes no " + names_.delivers + ": give it the drop folder");
    }
    return drop_->Write(events);
  }

  Status CheckHealth() override {
    if (!configured_) return NotConfigured();
    if (source_ != nullptr) HUB_RETURN_IF_ERROR(source_->CheckHealth());
    if (drop_ != nullptr) HUB_RETURN_IF_ERROR(drop_->CheckHealth());
    return Status::Ok();
  }

 protected:
  SourceAndDropConnector(Context& context, SourceAndDropNames names) : context_(context), names_(std::move(names)) {}

  // Called by Configure once the options are parsed: the parts they ask for, null for one they leave out.
  void Install(std::unique_ptr<Source> source, std::unique_ptr<Drop> drop) {
    source_ = std::move(source);
    drop_ = std::move(drop);
    configured_ = true;
  }

  // The hub's context as the parts take it: a log sink that checks the level first, the context's clock
  // (which tests set), and its counters.
  std::function<void(LogLevel, std::string_view)> ContextLog() const { return sdk::ContextLog(context_); }
  std::function<std::chrono::system_clock::time_point()> ContextClock() const { return sdk::ContextClock(context_); }
  std::function<void(std::string_view, std::int64_t)> ContextCount() const { return sdk::ContextCount(context_); }

 private:
  Status NotConfigured() const { return Status::Internal("the " + names_.connector + " connector was not configured"); }

  Context& context_;
  SourceAndDropNames names_;
  bool configured_ = false;
  std::unique_ptr<Source> source_;  // null without the source option
  std::unique_ptr<Drop> drop_;      // null without the drop option
};

}  // namespace hub::sdk

#endif  // HUB_SDK_SOURCE_AND_DROP_HPP_
