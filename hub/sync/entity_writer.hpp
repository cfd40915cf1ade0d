// Stores mapped records of the "plain" entities — those whose every field is a column of the entity's own
// main table — with one generic writer whose SQL is built from the model catalog.
#ifndef HUB_SYNC_ENTITY_WRITER_HPP_
#define HUB_SYNC_ENTITY_WRITER_HPP_

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"
#include "store/odbc/connection.hpp"
#include "sync/mapping/compiled_mapping.hpp"
#include "sync/party_writer.hpp"
#include "sync/source_links.hpp"

namespace hub::sync {

// True when EntityWriter can store `entity`: every field's `stored_in` is exactly "<entity.table>.<field
// name>" and no field references another entity. Decided from the catalog alone. Thread-safe.
bool IsPlainEntity(const model::EntitySpec& entity);

// Writes records of plain entities (IsPlainEntity) on one connection, inside the caller's transaction
// (nothing here commits).
//
// A record is identified by its source link (source_system, entity, source_id); the link's record_id is
// the row id in the entity's main table. Unknown: the row is inserted with the record's non-null fields as
// columns (the others take the table's defaults), then the link with the content hash, and an
// "<entity>.created" event. Known, live, same hash: nothing is written (kUnchanged). Known with another
// hash (or deleted before): every mapped field's column is set (a null value sets NULL, which a NOT NULL
// column refuses), updated_at too when the table has that column, the link's hash moves and it is live
// again, and an "<entity>.updated" event is written. A delete marks the link deleted and writes
// "<entity>.deleted"; the row stays. Statements go through the connection's statement cache; values are
// bound, table and column names come from the catalog only.
//
// Threads: as the connection. Errors: the driver's Status (InvalidArgument for an entity that is not
// plain); the caller rolls back to its savepoint and forgets the record's link.
class EntityWriter {
 public:
  // `links` is the batch's SourceLinks on the same connection; it must outlive the writer.
  EntityWriter(odbc::Connection& connection, SourceLinks& links) : connection_(connection), links_(links) {}

  sdk::Result<WriteOutcome> Write(const mapping::MappedRecord& record);

 private:
  sdk::Result<std::int64_t> Exec(std::string_view sql, const std::vector<sdk::Value>& params);
  sdk::Result<WriteOutcome> Insert(const mapping::MappedRecord& record, const std::string& hash);
  sdk::Result<WriteOutcome> Update(const mapping::MappedRecord& record, const SourceLink& link,
                                   const std::string& hash);
  sdk::Result<WriteOutcome> Delete(const mapping::MappedRecord& record, const SourceLink& link);
  // True when `table` has an updated_at column (probed once per table, inside a savepoint).
  sdk::Result<bool> HasUpdatedAt(std::string_view table);
  sdk::Status AddEvent(const mapping::MappedRecord& record, std::int64_t record_id, std::string_view change);

  odbc::Connection& connection_;
  SourceLinks& links_;
  std::map<std::string_view, bool> has_updated_at_;  // by table (catalog constants)
};

}  // namespace hub::sync

#endif  // HUB_SYNC_ENTITY_WRITER_HPP_
