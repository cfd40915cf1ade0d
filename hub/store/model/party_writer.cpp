#include "store/model/party_writer.hpp"

#include "store/model/party_rows.hpp"
#include "store/model/party_same_as.hpp"
#include "store/model/record_json.hpp"
#include "store/model/store_statements.hpp"
#include "store/model/text_references.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// "UPDATE parties SET kind = ?, ..., updated_at = {{now}} WHERE id = ?" over the parties row's columns; with
// `keep_stored`, each column is set through COALESCE, so that a null leaves the stored value.
std::string UpdatePartySql(bool keep_stored) {
  std::string sql = "UPDATE parties SET ";
  for (const std::string& column : PartyTableSpec(PartyTable::kParties).columns) {
    sql += column + (keep_stored ? " = COALESCE(?, " + column + "), " : " = ?, ");
  }
  return sql + "updated_at = {{now}} WHERE id = ?";
}

}  // namespace

sdk::Result<WriteOutcome> PartyWriter::Write(const model::MappedRecord& record) {
  sdk::Result<std::optional<SourceLink>> found = links_.Find(record);
  if (!found.ok()) return found.status();
  if (record.operation == sdk::Operation::kDelete) {
    if (!*found || (*found)->deleted) return WriteOutcome::kUnchanged;
    HUB_RETURN_IF_ERROR(links_.MarkDeleted(record, **found));
    HUB_RETURN_IF_ERROR(AddEvent((*found)->record_id, "party.deleted", record));
    return WriteOutcome::kDeleted;
  }
  const std::string hash = ContentHash(record);
  if (*found && (*found)->content_hash == hash && !(*found)->deleted) return WriteOutcome::kUnchanged;

  sdk::Result<Value> owner = references_.IdValueOf(record, "owner_employee_number");
  if (!owner.ok()) return owner.status();
  if (*found) return Update(record, **found, hash, *owner);
  sdk::Result<std::optional<std::int64_t>> same = SameAsParty(connection_, links_, record);
  if (!same.ok()) return same.status();
  std::int64_t party_id = 0;
  if (*same) {
    party_id = **same;
    HUB_RETURN_IF_ERROR(UpdateParty(party_id, record, *owner, /*keep_stored=*/true));
  } else {
    sdk::Result<std::int64_t> inserted = InsertParty(record, *owner);
    if (!inserted.ok()) return inserted.status();
    party_id = *inserted;
  }
  sdk::Result<std::int64_t> link_id = InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kSourceLinks),
                                                        SourceLinkValues(record, party_id, hash));
  if (!link_id.ok()) return link_id.status();
  HUB_RETURN_IF_ERROR(AddChannels(party_id, *link_id, record));
  HUB_RETURN_IF_ERROR(AddEvent(party_id, *same ? "party.updated" : "party.created", record));
  HUB_RETURN_IF_ERROR(
      FillTextReferences(connection_, *record.entity, record.source_system, record.source_id, party_id));
  links_.Remember(record, SourceLink{*link_id, party_id, hash, false});
  return *same ? WriteOutcome::kMerged : WriteOutcome::kInserted;
}

sdk::Result<WriteOutcome> PartyWriter::Update(const model::MappedRecord& record, const SourceLink& link,
                                              const std::string& hash, const Value& owner) {
  sdk::Result<bool> shared = SharedWithAnotherSource(link);
  if (!shared.ok()) return shared.status();
  HUB_RETURN_IF_ERROR(UpdateParty(link.record_id, record, owner, *shared));
  HUB_RETURN_IF_ERROR(links_.Refresh(record, link, hash));
  if (record.FindField("same_as_source_id") != nullptr) {
    std::vector<Value> same_as = SameAsValues(record);
    same_as.push_back(Value::Int64(link.id));
    auto named = Exec("UPDATE source_links SET same_as_system = ?, same_as_source_id = ? WHERE id = ?", same_as);
    if (!named.ok()) return named.status();
  }
  HUB_RETURN_IF_ERROR(ReplaceChannels(link.record_id, link.id, record));
  HUB_RETURN_IF_ERROR(AddEvent(link.record_id, "party.updated", record));
  return WriteOutcome::kUpdated;
}

sdk::Result<bool> PartyWriter::SharedWithAnotherSource(const SourceLink& link) {
  auto rows = QueryStoreRows(connection_,
                             "SELECT COUNT(*) FROM source_links WHERE entity = 'party' AND record_id = ? AND id <> ? "
                             "AND deleted_at IS NULL",
                             {Value::Int64(link.record_id), Value::Int64(link.id)});
  if (!rows.ok()) return rows.status();
  return !rows->empty() && rows->front().front().integer() > 0;
}

sdk::Result<std::int64_t> PartyWriter::Exec(std::string_view sql, const std::vector<Value>& params) {
  return ExecuteStoreStatement(connection_, sql, params);
}

sdk::Result<std::int64_t> PartyWriter::InsertParty(const model::MappedRecord& record, const Value& owner) {
  return InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kParties), PartyValues(record, owner));
}

sdk::Status PartyWriter::UpdateParty(std::int64_t party_id, const model::MappedRecord& record, const Value& owner,
                                     bool keep_stored) {
  static const std::string kReplacing = UpdatePartySql(false);
  static const std::string kKeeping = UpdatePartySql(true);
  std::vector<Value> values = keep_stored ? PartyMergeValues(record, owner) : PartyValues(record, owner);
  values.push_back(Value::Int64(party_id));
  auto updated = Exec(keep_stored ? kKeeping : kReplacing, values);
  return updated.ok() ? sdk::Status::Ok() : updated.status();
}

sdk::Status PartyWriter::ReplaceChannels(std::int64_t party_id, std::int64_t link_id,
                                         const model::MappedRecord& record) {
  for (std::string_view table : ChannelTables()) {
    auto removed = Exec("DELETE FROM " + std::string(table) + " WHERE source_link_id = ?", {Value::Int64(link_id)});
    if (!removed.ok()) return removed.status();
  }
  return AddChannels(party_id, link_id, record);
}

sdk::Status PartyWriter::AddChannels(std::int64_t party_id, std::int64_t link_id, const model::MappedRecord& record) {
  for (const PartyRow& row : ChannelRows(record, party_id, link_id)) {
    auto added = Exec(SingleRowInsertSql(row.table), row.values);
    if (!added.ok()) return added.status();
  }
  return sdk::Status::Ok();
}

sdk::Status PartyWriter::AddEvent(std::int64_t party_id, std::string_view kind, const model::MappedRecord& record) {
  auto added = Exec(SingleRowInsertSql(PartyTable::kEvents), EventValues(party_id, kind, record));
  return added.ok() ? sdk::Status::Ok() : added.status();
}

}  // namespace hub::store_model
