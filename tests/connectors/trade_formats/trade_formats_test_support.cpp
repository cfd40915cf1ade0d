#include "trade_formats_test_support.hpp"

#include <fstream>
#include <sstream>

#include "trade_formats/edifact_interchange.hpp"
#include "trade_formats/edifact_reader.hpp"

namespace hub::trade_formats::testing {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

std::string ReadFixture(std::string_view name) {
  return ReadFile(std::string(HUB_SOURCE_DIR) + "/tests/data/trade_formats/" + std::string(name));
}

std::string Describe(const EdifactSegment& segment) {
  std::string text = segment.tag + "[";
  for (std::size_t e = 0; e < segment.element_count(); ++e) {
    if (e > 0) text += "|";
    for (std::size_t r = 0; r < segment.occurrence_count(e); ++r) {
      if (r > 0) text += "~";
      for (std::size_t c = 0; c < segment.component_count(e, r); ++c) {
        if (c > 0) text += ":";
        text += segment.Get(e, c, r);
      }
    }
  }
  text += "]@" + std::to_string(segment.byte_offset) + ":" + std::to_string(segment.line);
  if (!segment.error.empty()) text += "!" + segment.error;
  return text;
}

namespace {

EdifactOutcome Read(std::string_view bytes, const std::vector<std::size_t>& cuts, std::string name) {
  EdifactOutcome outcome;
  EdifactInterchangeReader reader(std::move(name), [&](const EdifactMessage& message) {
    std::string line = message.type + "/" + message.reference + "#" + std::to_string(message.number) + " " +
                       std::to_string(message.byte_offset) + "-" + std::to_string(message.end_offset);
    if (!message.rejection.empty()) {
      line += " rejected: " + message.rejection;
      outcome.rejections.push_back(message.rejection);
    } else {
      outcome.accepted_types.push_back(message.type);
    }
    for (const EdifactSegment& segment : message.segments) line += " " + Describe(segment);
    outcome.messages.push_back(line);
    return sdk::Status::Ok();
  });
  std::size_t from = 0;
  sdk::Status status;
  for (std::size_t cut : cuts) {
    if (status.ok()) status = reader.Feed(bytes.substr(from, cut - from));
    from = cut;
  }
  if (status.ok()) status = reader.Feed(bytes.substr(from));
  if (status.ok()) status = reader.Finish();
  if (!status.ok()) outcome.file_error = status.message();
  return outcome;
}

}  // namespace

EdifactOutcome ReadEdifact(std::string_view bytes, const std::vector<std::size_t>& cuts, std::string name) {
  return Read(bytes, cuts, std::move(name));
}

EdifactOutcome ReadEdifactBytewise(std::string_view bytes, std::string name) {
  std::vector<std::size_t> cuts;
  for (std::size_t i = 1; i < bytes.size(); ++i) cuts.push_back(i);
  return Read(bytes, cuts, std::move(name));
}

std::vector<sdk::Record> ReadEdifactRecords(std::string_view bytes, std::string name,
                                            std::vector<std::string>* rejections) {
  std::vector<sdk::Record> records;
  EdifactInterchangeReader reader(std::move(name), [&](const EdifactMessage& message) {
    sdk::Result<std::vector<sdk::Record>> read = ReadEdifactMessage(message);
    if (!read.ok()) {
      rejections->push_back(read.status().message());
    } else {
      for (sdk::Record& record : *read) records.push_back(std::move(record));
    }
    return sdk::Status::Ok();
  });
  sdk::Status status = reader.Feed(bytes);
  if (status.ok()) status = reader.Finish();
  if (!status.ok()) rejections->push_back("file: " + status.message());
  return records;
}

std::vector<sdk::Record> OfEntity(const std::vector<sdk::Record>& records, std::string_view entity) {
  std::vector<sdk::Record> matching;
  for (const sdk::Record& record : records) {
    if (record.entity == entity) matching.push_back(record);
  }
  return matching;
}

std::string Text(const sdk::Record& record, std::string_view field) {
  const sdk::Value* value = record.Find(field);
  return value == nullptr ? std::string() : value->text();
}

sdk::ValueType TypeOf(const sdk::Record& record, std::string_view field) {
  const sdk::Value* value = record.Find(field);
  return value == nullptr ? sdk::ValueType::kNull : value->type();
}

}  // namespace hub::trade_formats::testing
