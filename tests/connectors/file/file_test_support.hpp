// Helpers shared by the file connector tests: temporary folders, encoded fixtures, reading to the end.
#ifndef HUB_TESTS_CONNECTORS_FILE_FILE_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONNECTORS_FILE_FILE_TEST_SUPPORT_HPP_

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "file/file_options.hpp"
#include "file/file_source.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "support/temp_dir.hpp"

namespace hub::file::testing {

using TempDir = ::hub::test::TempDir;

// `utf8` converted by ICU into `encoding` (e.g. "GBK", "UTF-16LE"): fixture bytes made from known text.
std::string Encode(std::string_view utf8, const char* encoding);

// Options for reading `path` with every other option at its default.
FileOptions OptionsFor(const std::filesystem::path& path);

// Every record a FileSource over `options` gives from the start, `batch_size` at a time, until end_of_data.
sdk::Result<std::vector<sdk::Record>> ReadAll(const FileOptions& options, std::size_t batch_size = 1000,
                                              ReaderLimits limits = {});

// Each record's field values as text (all fields of CSV records are strings), for comparing whole tables.
std::vector<std::vector<std::string>> Rows(const std::vector<sdk::Record>& records);
// The names of a record's fields, in order.
std::vector<std::string> Names(const sdk::Record& record);
// The text of a field, or "<missing>".
std::string Text(const sdk::Record& record, std::string_view name);
// The rejection texts of the rejected records, in order.
std::vector<std::string> Rejections(const std::vector<sdk::Record>& records);

}  // namespace hub::file::testing

#endif  // HUB_TESTS_CONNECTORS_FILE_FILE_TEST_SUPPORT_HPP_
