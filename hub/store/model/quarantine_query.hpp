// Finding quarantine entries for operators: which entries a filter selects (`hub quarantine list` and
// `hub quarantine replay`), and one entry's record to replay.
#ifndef HUB_STORE_MODEL_QUARANTINE_QUERY_HPP_
#define HUB_STORE_MODEL_QUARANTINE_QUERY_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// Which entries an operator means: the entries still open or pending (never resolved ones), narrowed by
// every filter given (empty / nullopt: any). `reason_contains` matches the reason's text exactly as
// written (case-sensitive). A plain value.
struct QuarantineFilter {
  std::string job;
  std::string entity;
  std::string status;  // "open" or "pending"
  std::string reason_contains;
  std::optional<std::int64_t> id;

  // "job=orders entity=order", the filters given in this form; "all" when none is.
  std::string ToString() const;
};

// One entry as an operator sees it (its raw record left out).
struct QuarantineEntry {
  std::int64_t id = 0;
  std::string job;
  std::string status;
  std::string cause;  // empty for entries written before causes were kept
  std::string entity;
  std::string source_id;
  std::string position;
  std::string reason;
  std::int64_t occurrences = 1;
  sdk::Value first_seen;
  sdk::Value last_seen;
  std::string awaits;  // "party 'C404' of erp", "team 'EAST'"; empty unless pending
};

// The entries `filter` selects, oldest first. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<QuarantineEntry>> SelectQuarantine(odbc::Connection& connection,
                                                           const QuarantineFilter& filter);

// What replaying entry `id` needs: its job, its cause and the record as read; nullopt when the entry is
// resolved (or gone) by now.
struct ReplayableEntry {
  std::int64_t id = 0;
  std::string job;
  std::string cause;
  std::string raw_record;
};
sdk::Result<std::optional<ReplayableEntry>> LoadReplayable(odbc::Connection& connection, std::int64_t id);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_QUARANTINE_QUERY_HPP_
