// A test plugin whose source is a text file of ids (one a line, read again on every batch). Each pass
// upserts a party per id, then lists every id as PRESENT records and ends with one SWEEP_END, so that the
// hub deletes what the file no longer holds; the next run starts the next pass. Options:
//   path=FILE                 the ids
//   max_delete_fraction=F     given on the SWEEP_END when set
//   present_delay_ms=N        each batch of PRESENT records takes N ms, so a test can kill the hub mid-sweep
// Cursor: "upsert:I", "present:I" (the next id to send), "end", then "done" after the SWEEP_END.
#include <hub/sdk/sdk.hpp>

#include <chrono>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace hub_test {

class SweepConnector final : public hub::sdk::Connector {
 public:
  explicit SweepConnector(hub::sdk::Context&) {}

  static hub::sdk::PluginDescription Describe() {
    hub::sdk::PluginDescription description;
    description.name = "sweep_source";
    description.version = "0.0.1";
    description.description = "Test plugin: ids from a file, swept with PRESENT and SWEEP_END.";
    description.options = {
        {"path", hub::sdk::OptionType::kPath, std::nullopt, true, "The file of ids."},
        {"max_delete_fraction", hub::sdk::OptionType::kString, std::nullopt, false, "Given on the SWEEP_END."},
        {"present_delay_ms", hub::sdk::OptionType::kInteger, "0", false, "Time each PRESENT batch takes."},
    };
    return description;
  }

  hub::sdk::Status Configure(const hub::sdk::Options& options) override {
    path_ = options.GetString("path");
    fraction_ = options.GetString("max_delete_fraction");
    auto delay = options.GetInteger("present_delay_ms", 0);
    if (!delay.ok()) return delay.status();
    delay_ = std::chrono::milliseconds(*delay);
    return hub::sdk::Status::Ok();
  }

  hub::sdk::Result<hub::sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override {
    std::vector<std::string> ids;
    std::ifstream in(path_);
    for (std::string line; std::getline(in, line);) {
      if (!line.empty()) ids.push_back(line);
    }
    std::string phase = cursor.empty() || cursor == "done" ? "upsert:0" : std::string(cursor);
    hub::sdk::Batch batch;
    if (phase == "end") {
      hub::sdk::Record end;
      end.operation = hub::sdk::Operation::kSweepEnd;
      end.entity = "party";
      end.position = path_ + ":end";
      if (!fraction_.empty()) end.Set("max_delete_fraction", hub::sdk::Value::String(fraction_));
      batch.records.push_back(std::move(end));
      batch.next_cursor = "done";
      batch.end_of_data = true;
      return batch;
    }
    const bool present = phase.starts_with("present:");
    std::size_t next = std::stoul(phase.substr(phase.find(':') + 1));
    if (present) std::this_thread::sleep_for(delay_);
    for (; next < ids.size() && batch.records.size() < max_records; ++next) {
      hub::sdk::Record record;
      record.operation = present ? hub::sdk::Operation::kPresent : hub::sdk::Operation::kUpsert;
      record.entity = "party";
      record.source_id = ids[next];
      record.position = path_ + ":" + std::to_string(next + 1);
      if (!present) record.Set("name", hub::sdk::Value::String("客户 " + ids[next]));
      batch.records.push_back(std::move(record));
    }
    batch.next_cursor = next < ids.size() ? std::string(present ? "present:" : "upsert:") + std::to_string(next)
                        : present         ? "end"
                                          : "present:0";
    return batch;
  }

 private:
  std::string path_;
  std::string fraction_;
  std::chrono::milliseconds delay_{0};
};

}  // namespace hub_test

HUB_EXPORT_CONNECTOR(hub_test::SweepConnector)
