#include "service/delivery_replay.hpp"

#include <boost/json.hpp>

#include "delivery/delivery_queries.hpp"
#include "store/model/store_statements.hpp"

namespace hub::service {
namespace {

using sdk::Value;

std::string AfterData(const DeliveryReplayRequest& request, std::size_t requested, const std::string& outcome) {
  boost::json::object after;
  if (request.event_ids.empty()) {
    after["event_ids"] = "all";
  } else {
    boost::json::array ids;
    for (const std::string& id : request.event_ids) ids.emplace_back(id);
    after["event_ids"] = std::move(ids);
  }
  after["requested"] = requested;
  after["outcome"] = outcome;
  return boost::json::serialize(after);
}

sdk::Result<std::int64_t> BeginAudit(odbc::Database& store, const DeliveryReplayRequest& request) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  return store_model::InsertReturningId(lease->get(),
                                        "INSERT INTO audit_log (actor, action, entity, entity_id, after_data) "
                                        "VALUES (?, 'delivery.replay', 'delivery', ?, ?)",
                                        {Value::String(request.actor), Value::String(request.subscriber),
                                         Value::String(AfterData(request, 0, "unfinished"))});
}

sdk::Status FinishAudit(odbc::Database& store, std::int64_t row, const DeliveryReplayRequest& request,
                        std::size_t requested, const sdk::Status& outcome) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  const std::string after =
      AfterData(request, requested, outcome.ok() ? std::string("ok") : "failed: " + outcome.ToString());
  auto updated = (*lease)->ExecuteUpdate("UPDATE audit_log SET after_data = ? WHERE id = ?",
                                         {Value::String(after), Value::Int64(row)});
  return updated.ok() ? sdk::Status::Ok() : updated.status();
}

sdk::Result<std::size_t> Request(odbc::Database& store, const DeliveryReplayRequest& request, const Clock& clock) {
  std::vector<std::int64_t> outbox_ids;
  if (!request.event_ids.empty()) {
    auto ids = delivery::OutboxIdsOfEvents(store, request.event_ids);
    if (!ids.ok()) return ids.status();
    outbox_ids = std::move(ids).value();
  }
  return delivery::RequestReplay(store, request.subscriber, outbox_ids, clock);
}

}  // namespace

sdk::Result<std::size_t> ReplayDeadLetters(odbc::Database& store, const DeliveryReplayRequest& request,
                                           const Clock& clock) {
  sdk::Result<std::int64_t> row = BeginAudit(store, request);
  if (!row.ok()) return row.status().WithContext("writing the audit log");
  sdk::Result<std::size_t> requested = Request(store, request, clock);
  sdk::Status audited = FinishAudit(store, *row, request, requested.ok() ? *requested : 0, requested.status());
  if (!requested.ok()) return requested.status();
  if (!audited.ok()) return audited.WithContext("writing the audit log");
  return requested;
}

}  // namespace hub::service
