// A test connector that reads back what it was given: the events handed to WriteEvents become records
// (entity party, source id the event id, name the event's kind) that ReadBatch answers after them. Only
// one instance shared by a connector's jobs can show a sync job what a delivery handed over. It also
// refuses calls that overlap (each call takes a little while, so that overlapping calls meet).
#include <hub/sdk/sdk.hpp>

#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace loop {

class LoopConnector final : public hub::sdk::Connector {
 public:
  explicit LoopConnector(hub::sdk::Context&) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "test_loop";
    description.version = "1.0.0";
    description.description = "Test plugin: reads back the events it was given; refuses overlapping calls.";
    description.capabilities = {.reads = true, .writes_events = true};
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options&) override { return hub::sdk::Status::Ok(); }

  hub::sdk::Result<hub::sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    Call call(*this);
    if (call.overlapped()) return hub::sdk::Status::Internal("test_loop: a call overlapped another one");
    std::size_t next = cursor.empty() ? 0 : std::stoul(std::string(cursor));
    hub::sdk::Batch batch;
    while (next < records_.size() && batch.records.size() < max_records) batch.records.push_back(records_[next++]);
    batch.next_cursor = std::to_string(next);
    batch.end_of_data = next == records_.size();
    return batch;
  }

  hub::sdk::Result<std::size_t> WriteEvents(const std::vector<hub::sdk::OutboundEvent>& events) override {
    Call call(*this);
    if (call.overlapped()) return hub::sdk::Status::Internal("test_loop: a call overlapped another one");
    for (const hub::sdk::OutboundEvent& event : events) {
      hub::sdk::Record record;
      record.entity = "party";
      record.source_id = event.event_id;
      record.Set("name", hub::sdk::Value::String(event.kind));
      record.cursor = std::to_string(records_.size() + 1);
      records_.push_back(std::move(record));
    }
    return events.size();
  }

 private:
  // Marks a call in progress for its lifetime, and holds it a moment so that an overlapping one meets it.
  class Call {
   public:
    explicit Call(LoopConnector& connector) : connector_(connector) {
      overlapped_ = connector_.calls_.fetch_add(1) != 0;
      std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    ~Call() { connector_.calls_.fetch_sub(1); }
    bool overlapped() const { return overlapped_; }

   private:
    LoopConnector& connector_;
    bool overlapped_ = false;
  };

  std::atomic<int> calls_{0};
  std::vector<hub::sdk::Record> records_;
};

}  // namespace loop

HUB_EXPORT_CONNECTOR(loop::LoopConnector)
