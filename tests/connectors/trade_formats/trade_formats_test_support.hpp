// Helpers of the trade_formats tests: fixtures, and an EDIFACT stream read whole or in pieces, summarised
// as text so that two readings can be compared.
#ifndef HUB_TESTS_CONNECTORS_TRADE_FORMATS_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONNECTORS_TRADE_FORMATS_TEST_SUPPORT_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "trade_formats/edifact_segment.hpp"

namespace hub::trade_formats::testing {

// The bytes of a file ("" when it cannot be read), and of tests/data/trade_formats/<name>.
std::string ReadFile(const std::string& path);
std::string ReadFixture(std::string_view name);

// "BGM[220|BKOD99|9]@62:1": tag, elements (components by ':', occurrences by '*'), offset and line.
std::string Describe(const EdifactSegment& segment);

// What reading an EDIFACT stream gave: one line per message (its type, reference, rejection or its
// segments described) and the file's error ("" when the file was read whole).
struct EdifactOutcome {
  std::vector<std::string> messages;
  std::vector<std::string> rejections;
  std::vector<std::string> accepted_types;
  std::string file_error;
};

// Feeds `bytes` cut at `cuts` (ascending offsets) to an EdifactInterchangeReader named `name`.
EdifactOutcome ReadEdifact(std::string_view bytes, const std::vector<std::size_t>& cuts = {},
                           std::string name = "test.edi");
// Feeds it one byte at a time.
EdifactOutcome ReadEdifactBytewise(std::string_view bytes, std::string name = "test.edi");

// Every record of every accepted message, through ReadEdifactMessage; reader errors go to *rejections.
std::vector<sdk::Record> ReadEdifactRecords(std::string_view bytes, std::string name,
                                            std::vector<std::string>* rejections);

// The records of `entity`, in order.
std::vector<sdk::Record> OfEntity(const std::vector<sdk::Record>& records, std::string_view entity);
// The text of a field ("" when absent), and its type.
std::string Text(const sdk::Record& record, std::string_view field);
sdk::ValueType TypeOf(const sdk::Record& record, std::string_view field);

}  // namespace hub::trade_formats::testing

#endif  // HUB_TESTS_CONNECTORS_TRADE_FORMATS_TEST_SUPPORT_HPP_
