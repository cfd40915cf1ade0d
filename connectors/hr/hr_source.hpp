// The hr connector's CSV path without its plugin boundary: roster exports read as batches of employee
// records, each preceded by the team, territory and speciality records it refers to.
#ifndef HUB_CONNECTORS_HR_HR_SOURCE_HPP_
#define HUB_CONNECTORS_HR_HR_SOURCE_HPP_

#include <cstddef>
#include <string_view>

#include "hr/hr_options.hpp"
#include "hr/hr_records.hpp"
#include "hub/files/row_source.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::hr {

// Reads options.path (a file or a watched folder, with the semantics of files::RowSource) as batches with
// the semantics of ReadEmployeeBatch: each CSV row becomes an employee record (MakeEmployee, with today from
// `clock` in options.utc_offset). A row that cannot be read (bytes invalid in the encoding, a missing 工号,
// a date that is none) becomes one rejected employee record: "<file>:<line>: <reason>" with its raw text.
// Not thread-safe: one call at a time, as the hub does with a connector.
class HrSource final : public EmployeeSource {
 public:
  // `clock` tells the time for settle_time and today; empty: the system clock. `count` gets the row
  // source's counters (files_archived, files_failed, bytes_read).
  HrSource(const HrOptions& options, files::LogSink log = {}, files::Clock clock = {}, files::CountSink count = {},
           files::ReaderLimits limits = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor this
  // connector did not make; NotFound, IoError or DataError (naming the file) when the export cannot be read.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) override;

  // OK when the path exists and can be read; Unavailable otherwise.
  sdk::Status CheckHealth() override { return rows_.CheckHealth(); }

 private:
  files::RowSource rows_;
};

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_SOURCE_HPP_
