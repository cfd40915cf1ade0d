// Helpers shared by the hr connector tests: encoded fixtures, a fixed clock, reading a roster to its end.
#ifndef HUB_TESTS_CONNECTORS_HR_HR_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONNECTORS_HR_HR_TEST_SUPPORT_HPP_

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hr/hr_options.hpp"
#include "hub/files/file_completeness.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::hr::testing {

// `utf8` converted by ICU into `encoding` ("GB18030", "GBK"): fixture bytes made from known text.
std::string Encode(std::string_view utf8, const char* encoding);

// A clock that always says 2026-12-01 10:00 in China (02:00 UTC).
files::Clock FixedClock();

// Options for reading `path` (declared final) with every other option at its default.
HrOptions OptionsFor(const std::filesystem::path& path);

// Every record an HrSource over `options` (with FixedClock) gives from the start, `batch_size` at a time,
// until end_of_data.
sdk::Result<std::vector<sdk::Record>> ReadAll(const HrOptions& options, std::size_t batch_size = 1000);

// The text of a field ("<missing>", "<null>"), for comparisons.
std::string Text(const sdk::Record& record, std::string_view name);
// "entity:source_id" per record, in order.
std::vector<std::string> Keys(const std::vector<sdk::Record>& records);
// The rejection texts of the rejected records, in order.
std::vector<std::string> Rejections(const std::vector<sdk::Record>& records);

}  // namespace hub::hr::testing

#endif  // HUB_TESTS_CONNECTORS_HR_HR_TEST_SUPPORT_HPP_
