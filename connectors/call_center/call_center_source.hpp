// The call_center connector without its plugin boundary: an Asterisk CDR file read as batches of calls.
#ifndef HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_SOURCE_HPP_
#define HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_SOURCE_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "call_center/call_center_options.hpp"
#include "hub/files/row_source.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::call_center {

// "cdr1|<rows cursor>" (files::RowSource's cursor after the last row given); "" for the start.
std::string EncodeCallCenterCursor(std::string_view rows_cursor);
// The rows cursor EncodeCallCenterCursor wrapped ("" is the start), or InvalidArgument.
sdk::Result<std::string> DecodeCallCenterCursor(std::string_view text);

// Reads options.path, a CDR file that grows, with the semantics of Connector::ReadBatch. Consecutive rows
// sharing a CallKey are one call, given as one MakeCall record once a row of another call follows it; the
// last call of the file is held back (the batch's cursor stays before it, end_of_data) until then, or until
// the file is known complete (files::IsKnownComplete: `final`, or unchanged for settle_time). So a batch
// never splits a call, and a read resumed from any cursor it gave reads each call once. A row of no known
// layout (ReadLeg) becomes one rejected record "<file>:<line>: <reason>" with its raw text, and ends the
// call before it. Not thread-safe: one call at a time, as the hub does with a connector.
class CallCenterSource {
 public:
  // `clock` tells the time for settle_time; empty: the system clock. `count` gets the row source's
  // counters (bytes_read).
  CallCenterSource(const CallCenterOptions& options, files::LogSink log = {}, files::Clock clock = {},
                   files::CountSink count = {}, files::ReaderLimits limits = {});

  // At most max_records records after `cursor` ("" for the beginning). InvalidArgument for a cursor this
  // connector did not make; NotFound, IoError or DataError (naming the file) when the file cannot be read.
  sdk::Result<sdk::Batch> ReadBatch(std::string_view cursor, std::size_t max_records);

  // OK when the file exists and can be read; Unavailable otherwise.
  sdk::Status CheckHealth() const { return rows_.CheckHealth(); }

 private:
  sdk::Result<bool> FileComplete() const;

  CallCenterOptions options_;
  files::Clock clock_;
  files::RowSource rows_;
};

}  // namespace hub::call_center

#endif  // HUB_CONNECTORS_CALL_CENTER_CALL_CENTER_SOURCE_HPP_
