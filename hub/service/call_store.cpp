#include "service/call_store.hpp"

#include "hub/odbc/transaction.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/model/source_system_lock.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {

sdk::Result<StoredCall> StoreCall(odbc::Connection& connection, const model::MappedRecord& record) {
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  HUB_RETURN_IF_ERROR(store_model::LockSourceSystem(connection, record.source_system));
  store_model::SourceLinks links(connection);
  store_model::RecordWriter writer(connection, links, *turn);
  StoredCall stored;
  sdk::Result<store_model::WriteOutcome> written = writer.Write(record);
  if (!written.ok()) return written.status();
  stored.outcome = *written;
  sdk::Result<std::optional<store_model::SourceLink>> link = links.Find(record);
  if (!link.ok()) return link.status();
  if (!*link) return sdk::Status::Internal("the call " + record.source_id + " was written without a source link");
  stored.activity_id = (*link)->record_id;
  sdk::Result<store_model::ActivityFollowUpIds> follow_ups =
      store_model::ReadActivityFollowUps(connection, stored.activity_id);
  if (!follow_ups.ok()) return follow_ups.status();
  stored.follow_ups = std::move(follow_ups).value();
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return stored;
}

}  // namespace hub::service
