#include "store/model/party_writer.hpp"

#include "store/model/party_rows.hpp"
#include "store/model/record_json.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {

using sdk::Value;

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
  if (!*found) {
    sdk::Result<std::int64_t> party_id = InsertParty(record, *owner);
    if (!party_id.ok()) return party_id.status();
    sdk::Result<std::int64_t> link_id = InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kSourceLinks),
                                                          SourceLinkValues(record, *party_id, hash));
    if (!link_id.ok()) return link_id.status();
    HUB_RETURN_IF_ERROR(AddChannels(*party_id, *link_id, record));
    HUB_RETURN_IF_ERROR(AddEvent(*party_id, "party.created", record));
    links_.Remember(record, SourceLink{*link_id, *party_id, hash, false});
    return WriteOutcome::kInserted;
  }

  const SourceLink link = **found;
  HUB_RETURN_IF_ERROR(UpdateParty(link.record_id, record, *owner));
  HUB_RETURN_IF_ERROR(links_.Refresh(record, link, hash));
  HUB_RETURN_IF_ERROR(ReplaceChannels(link.record_id, link.id, record));
  HUB_RETURN_IF_ERROR(AddEvent(link.record_id, "party.updated", record));
  return WriteOutcome::kUpdated;
}

sdk::Result<std::int64_t> PartyWriter::Exec(std::string_view sql, const std::vector<Value>& params) {
  return ExecuteStoreStatement(connection_, sql, params);
}

sdk::Result<std::int64_t> PartyWriter::InsertParty(const model::MappedRecord& record, const Value& owner) {
  return InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kParties), PartyValues(record, owner));
}

sdk::Status PartyWriter::UpdateParty(std::int64_t party_id, const model::MappedRecord& record, const Value& owner) {
  std::vector<Value> values = PartyValues(record, owner);
  values.push_back(Value::Int64(party_id));
  auto updated = Exec(
      "UPDATE parties SET kind = ?, name = ?, name_latin = ?, short_name = ?, family_name = ?, given_name = ?, "
      "birth_date = ?, grade = ?, classification = ?, industry = ?, region = ?, country = ?, tier = ?, status = ?, "
      "name_normalized = ?, owner_employee_id = ?, updated_at = {{now}} WHERE id = ?",
      values);
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
