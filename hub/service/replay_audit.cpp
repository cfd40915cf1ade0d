#include "service/replay_audit.hpp"

#include <boost/json.hpp>

#include "service/run_audit.hpp"
#include "store/model/store_statements.hpp"

namespace hub::service {
namespace {

std::string AfterData(const store_model::QuarantineFilter& filter, const sync::ReplayResult& result,
                      const std::string& outcome) {
  boost::json::object after{{"filter", filter.ToString()}};
  for (const auto& [key, value] : SyncCountsJson(result.counts)) after[key] = value;
  after["resolved"] = result.resolved;
  after["skipped"] = result.skipped.size();
  after["outcome"] = outcome;
  return boost::json::serialize(after);
}

}  // namespace

sdk::Status ReplayAudit::Journal(odbc::Connection& connection, const sync::ReplayResult& so_far) {
  return Write(connection, so_far, "unfinished");
}

sdk::Status ReplayAudit::Finish(odbc::Database& store, const sync::ReplayResult& result, const sdk::Status& outcome) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  return Write(lease->get(), result, outcome.ok() ? std::string("ok") : "failed: " + outcome.ToString());
}

sdk::Status ReplayAudit::Write(odbc::Connection& connection, const sync::ReplayResult& result,
                               const std::string& outcome) {
  const sdk::Value after = sdk::Value::String(AfterData(filter_, result, outcome));
  if (row_id_ != 0) {
    auto updated = connection.ExecuteUpdate("UPDATE audit_log SET after_data = ? WHERE id = ?",
                                            {after, sdk::Value::Int64(row_id_)});
    if (!updated.ok()) return updated.status();
    // None when the transaction that inserted the row rolled back (its commit failed): insert it again.
    if (*updated != 0) return sdk::Status::Ok();
  }
  sdk::Result<std::int64_t> inserted = store_model::InsertReturningId(
      connection,
      "INSERT INTO audit_log (actor, action, entity, entity_id, after_data) "
      "VALUES (?, 'quarantine replay', 'quarantine', ?, ?)",
      {sdk::Value::String("operator:" + actor_), sdk::Value::String(filter_.ToString()), after});
  if (!inserted.ok()) return inserted.status();
  row_id_ = *inserted;
  return sdk::Status::Ok();
}

}  // namespace hub::service
