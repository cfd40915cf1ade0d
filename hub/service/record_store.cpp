#include "service/record_store.hpp"

#include "hub/odbc/transaction.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/model/source_system_lock.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {

std::string_view OutcomeName(store_model::WriteOutcome outcome) {
  switch (outcome) {
    case store_model::WriteOutcome::kInserted:
      return "inserted";
    case store_model::WriteOutcome::kUpdated:
    case store_model::WriteOutcome::kMerged:
      return "updated";
    default:
      break;
  }
  return "unchanged";
}

sdk::Result<StoredRecord> StoreRecord(odbc::Connection& connection, const model::MappedRecord& record,
                                      const store_model::WriteRules& rules,
                                      const std::function<sdk::Status(std::int64_t row_id)>& before_commit) {
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  HUB_RETURN_IF_ERROR(
      store_model::LockSourceRecord(connection, record.source_system, record.entity->name, record.source_id));
  store_model::SourceLinks links(connection);
  store_model::RecordWriter writer(connection, links, *turn, rules);
  StoredRecord stored;
  sdk::Result<store_model::WriteOutcome> written = writer.Write(record);
  if (!written.ok()) return written.status();
  stored.outcome = *written;
  sdk::Result<std::optional<store_model::SourceLink>> link = links.Find(record);
  if (!link.ok()) return link.status();
  if (!*link) {
    return sdk::Status::Internal("the " + std::string(record.entity->name) + " " + record.source_id +
                                 " was written without a source link");
  }
  stored.row_id = (*link)->record_id;
  if (before_commit) HUB_RETURN_IF_ERROR(before_commit(stored.row_id));
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return stored;
}

}  // namespace hub::service
