// The records of a roster, whichever way its rows arrive (the CSV export or the HR system's table): each
// row an employee record (MakeEmployee) preceded by the team, territory and speciality records it names
// (ReferencedRecords), batched so that a row's records stay together, with the hr cursor that says where.
#ifndef HUB_CONNECTORS_HR_HR_RECORDS_HPP_
#define HUB_CONNECTORS_HR_HR_RECORDS_HPP_

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::hr {

// Where the hr connector stands: the rows' own cursor (the file's or the table's), and how many of the
// records of the row after it were given already (0 but for a row whose records did not fit in one batch).
// A plain value.
struct HrCursor {
  std::uint64_t given = 0;
  std::string rows;
};
// "hr1|<given>|<rows cursor>"; "" for the start.
std::string EncodeHrCursor(const HrCursor& cursor);
// The cursor EncodeHrCursor made ("" is the start), or InvalidArgument.
sdk::Result<HrCursor> DecodeHrCursor(std::string_view text);

// Reads at most max_rows rows after a rows cursor ("" for the start), with the semantics of
// Connector::ReadBatch: each row an employee record MakeEmployee made (or one with `rejection` set), its
// cursor the rows' position right after it; next_cursor where the next read goes on once every row was taken.
using RowReader = std::function<sdk::Result<sdk::Batch>(std::string_view cursor, std::size_t max_rows)>;

// At most max_records records after the hr cursor `cursor`, with the semantics of Connector::ReadBatch:
// the rows `read_rows` gives, each preceded by the records it refers to (ReferencedRecords) that the batch
// has not given yet, so each team, territory and speciality comes once per batch, before the first employee
// that names it; a rejected row is its one record. A row's records are not split across batches unless they
// alone exceed max_records. Every record's cursor resumes right after it; the batch that takes every row
// read hands on the rows' next_cursor (a table's next run starts at its watermark, less the overlap).
// Errors: InvalidArgument for a cursor this connector did not make; read_rows's.
sdk::Result<sdk::Batch> ReadEmployeeBatch(const RowReader& read_rows, std::string_view cursor, std::size_t max_records);

// What the plugin reads through: the CSV export (HrSource) or the HR system's table (HrTableSource). Not
// thread-safe: one call at a time, as the hub does with a connector.
class EmployeeSource {
 public:
  virtual ~EmployeeSource() = default;
  // ReadEmployeeBatch over the source's rows.
  virtual sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records) = 0;
  // OK when the source can be read; Unavailable (or the driver's error) otherwise.
  virtual sdk::Status CheckHealth() = 0;
};

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_HR_RECORDS_HPP_
