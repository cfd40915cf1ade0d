// A test plugin whose reads take a while: one record per batch, each after `delay` unless cancelled.
// It lets end-to-end tests stop or reload the hub while a job is running.
#include <hub/sdk/sdk.hpp>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace hub_test {

class SlowConnector final : public hub::sdk::Connector {
 public:
  explicit SlowConnector(hub::sdk::Context& context) : context_(context) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "slow";
    description.version = "0.0.1";
    description.description = "Test plugin: slow reads that honour cancellation.";
    description.options = {
        {"records", hub::sdk::OptionType::kInteger, "1000", false, "Records before end of data."},
        {"delay", hub::sdk::OptionType::kDuration, "200ms", false, "Time each batch takes."},
        {"honour_cancel", hub::sdk::OptionType::kBoolean, "true", false,
         "false: a stuck source that ignores cancellation until its delay is over."},
    };
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options& options) override {
    auto records = options.GetInteger("records", 1000);
    if (!records.ok()) return records.status();
    auto delay = options.GetDuration("delay", std::chrono::milliseconds(200));
    if (!delay.ok()) return delay.status();
    auto honour_cancel = options.GetBool("honour_cancel", true);
    if (!honour_cancel.ok()) return honour_cancel.status();
    records_ = *records;
    delay_ = *delay;
    honour_cancel_ = *honour_cancel;
    return hub::sdk::Status::Ok();
  }

  hub::sdk::Result<hub::sdk::Batch> ReadBatch(std::string_view cursor, std::size_t) override {
    std::int64_t next = cursor.empty() ? 0 : std::stoll(std::string(cursor));
    hub::sdk::Batch batch;
    batch.next_cursor = std::to_string(next);
    batch.end_of_data = true;
    if (next >= records_) return batch;
    context_.Info("reading record " + std::to_string(next));  // tests wait for it before they interrupt
    if (!WaitUnlessCancelled()) return hub::sdk::Status::Cancelled("slow read cancelled");
    hub::sdk::Record record;
    record.entity = "party";
    record.source_id = "slow-" + std::to_string(next);
    record.Set("name", hub::sdk::Value::String("slow " + std::to_string(next)));
    record.cursor = std::to_string(++next);
    batch.records.push_back(std::move(record));
    batch.next_cursor = std::to_string(next);
    batch.end_of_data = next >= records_;
    return batch;
  }

 private:
  // Waits `delay_`, checking the host's cancellation every 10 ms. False when cancelled.
  bool WaitUnlessCancelled() {
    std::unique_lock lock(mutex_);
    auto deadline = std::chrono::steady_clock::now() + delay_;
    while (std::chrono::steady_clock::now() < deadline) {
      if (honour_cancel_ && context_.Cancelled()) return false;
      wakeup_.wait_for(lock, std::chrono::milliseconds(10));
    }
    return !context_.Cancelled();
  }

  hub::sdk::Context& context_;
  std::int64_t records_ = 1000;
  std::chrono::milliseconds delay_{200};
  bool honour_cancel_ = true;
  std::mutex mutex_;
  std::condition_variable wakeup_;
};

}  // namespace hub_test

HUB_EXPORT_CONNECTOR(hub_test::SlowConnector)
