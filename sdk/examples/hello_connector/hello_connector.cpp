// The smallest useful connector: it "reads" `count` greetings, a few per batch, resumable by cursor.
#include <hub/sdk/sdk.hpp>

#include <string>

namespace hello {

class HelloConnector final : public hub::sdk::Connector {
 public:
  explicit HelloConnector(hub::sdk::Context& context) : context_(context) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "hello";
    description.version = "1.0.0";
    description.description = "Greets a configurable number of people.";
    description.options = {
        {"greeting", hub::sdk::OptionType::kString, "Hello", false, "The word to greet with."},
        {"count", hub::sdk::OptionType::kInteger, "3", false, "How many greetings to produce."},
    };
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options& options) override {
    greeting_ = options.GetString("greeting", "Hello");
    hub::sdk::Result<std::int64_t> count = options.GetInteger("count", 3);
    if (!count.ok()) return count.status();
    count_ = *count;
    context_.Info("configured to greet " + std::to_string(count_) + " times");
    return hub::sdk::Status::Ok();
  }

  hub::sdk::Result<hub::sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    std::int64_t next = cursor.empty() ? 0 : std::stoll(std::string(cursor));
    hub::sdk::Batch batch;
    while (next < count_ && batch.records.size() < max_records) {
      if (context_.Cancelled()) return hub::sdk::Status::Cancelled("stopped by the hub");
      hub::sdk::Record record;
      record.entity = "party";
      record.source_id = "hello-" + std::to_string(next);
      record.position = "greeting " + std::to_string(next);
      record.Set("name", hub::sdk::Value::String(greeting_ + " #" + std::to_string(next)));
      ++next;
      record.cursor = std::to_string(next);
      batch.records.push_back(std::move(record));
    }
    batch.next_cursor = std::to_string(next);
    batch.end_of_data = next >= count_;
    batch.total_hint = count_;
    return batch;
  }

 private:
  hub::sdk::Context& context_;
  std::string greeting_;
  std::int64_t count_ = 0;
};

}  // namespace hello

HUB_EXPORT_CONNECTOR(hello::HelloConnector)
