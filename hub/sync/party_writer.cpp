#include "sync/party_writer.hpp"

#include <algorithm>

#include "sync/party_rows.hpp"
#include "sync/record_json.hpp"
#include "sync/store_statements.hpp"

namespace hub::sync {

using sdk::Value;

sdk::Result<WriteOutcome> PartyWriter::Write(const mapping::MappedRecord& record) {
  sdk::Result<std::optional<Link>> found = FindLink(record);
  if (!found.ok()) return found.status();
  if (record.operation == sdk::Operation::kDelete) {
    if (!*found || (*found)->deleted) return WriteOutcome::kUnchanged;
    auto marked = Exec("UPDATE source_links SET deleted_at = {{now}}, last_seen_at = {{now}} WHERE id = ?",
                       {Value::Int64((*found)->id)});
    if (!marked.ok()) return marked.status();
    HUB_RETURN_IF_ERROR(AddEvent((*found)->party_id, "party.deleted", record));
    known_[KeyOf(record)]->deleted = true;
    return WriteOutcome::kDeleted;
  }
  const std::string hash = ContentHash(record);
  if (*found && (*found)->content_hash == hash && !(*found)->deleted) return WriteOutcome::kUnchanged;

  if (!*found) {
    sdk::Result<std::int64_t> party_id = InsertParty(record);
    if (!party_id.ok()) return party_id.status();
    sdk::Result<std::int64_t> link_id = InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kSourceLinks),
                                                          SourceLinkValues(record, *party_id, hash));
    if (!link_id.ok()) return link_id.status();
    HUB_RETURN_IF_ERROR(AddChannels(*party_id, *link_id, record));
    HUB_RETURN_IF_ERROR(AddEvent(*party_id, "party.created", record));
    known_[KeyOf(record)] = Link{*link_id, *party_id, hash, false};
    return WriteOutcome::kInserted;
  }

  const Link& link = **found;
  HUB_RETURN_IF_ERROR(UpdateParty(link.party_id, record));
  auto moved = Exec("UPDATE source_links SET content_hash = ?, last_seen_at = {{now}}, deleted_at = NULL WHERE id = ?",
                    {Value::String(hash), Value::Int64(link.id)});
  if (!moved.ok()) return moved.status();
  HUB_RETURN_IF_ERROR(ReplaceChannels(link.party_id, link.id, record));
  HUB_RETURN_IF_ERROR(AddEvent(link.party_id, "party.updated", record));
  known_[KeyOf(record)] = Link{link.id, link.party_id, hash, false};
  return WriteOutcome::kUpdated;
}

sdk::Result<std::optional<PartyWriter::Link>> PartyWriter::FindLink(const mapping::MappedRecord& record) {
  auto known = known_.find(KeyOf(record));
  if (known != known_.end()) return known->second;
  auto rows = QueryRows(
      "SELECT id, party_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END "
      "FROM source_links WHERE source_system = ? AND entity = 'party' AND source_id = ?",
      {Value::String(record.source_system), Value::String(record.source_id)});
  if (!rows.ok()) return rows.status();
  std::optional<Link> link;
  if (!rows->empty()) {
    const odbc::Row& row = rows->front();
    link = Link{row[0].integer(), row[1].integer(), row[2].text(), row[3].integer() != 0};
  }
  known_[KeyOf(record)] = link;
  return link;
}

sdk::Status PartyWriter::Prefetch(std::string_view source_system, const std::vector<std::string>& source_ids) {
  constexpr std::size_t kIdsPerQuery = 500;
  for (std::size_t start = 0; start < source_ids.size(); start += kIdsPerQuery) {
    const std::size_t count = std::min(kIdsPerQuery, source_ids.size() - start);
    std::string sql =
        "SELECT source_id, id, party_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END "
        "FROM source_links WHERE source_system = ? AND entity = 'party' AND source_id IN (?";
    std::vector<Value> params{Value::String(std::string(source_system))};
    for (std::size_t i = 0; i < count; ++i) {
      sql += i == 0 ? "" : ", ?";
      params.push_back(Value::String(source_ids[start + i]));
      known_[{std::string(source_system), source_ids[start + i]}] = std::nullopt;
    }
    sql += ")";
    // Prepared afresh each time, not cached: PostgreSQL would otherwise move the statement to a generic
    // plan after a few runs, and a generic plan for a long IN list scans the whole table (measured: 60x).
    auto rows = connection_.Query(sql, params);
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& row : rows->rows) {
      known_[{std::string(source_system), row[0].text()}] =
          Link{row[1].integer(), row[2].integer(), row[3].text(), row[4].integer() != 0};
    }
  }
  return sdk::Status::Ok();
}

sdk::Result<bool> PartyWriter::Unchanged(const mapping::MappedRecord& record) {
  if (record.operation == sdk::Operation::kDelete) return false;
  sdk::Result<std::optional<Link>> found = FindLink(record);
  if (!found.ok()) return found.status();
  return *found && !(*found)->deleted && (*found)->content_hash == ContentHash(record);
}

void PartyWriter::Forget(const mapping::MappedRecord& record) { known_.erase(KeyOf(record)); }

sdk::Result<std::int64_t> PartyWriter::Exec(std::string_view sql, const std::vector<Value>& params) {
  return ExecuteStoreStatement(connection_, sql, params);
}

sdk::Result<std::vector<odbc::Row>> PartyWriter::QueryRows(std::string_view sql, const std::vector<Value>& params) {
  sdk::Result<odbc::Statement*> statement = PrepareStoreStatement(connection_, sql);
  if (!statement.ok()) return statement.status();
  auto executed = (*statement)->Execute(params);
  if (!executed.ok()) return executed.status();
  return (*statement)->FetchAll();
}

sdk::Result<std::int64_t> PartyWriter::InsertParty(const mapping::MappedRecord& record) {
  return InsertReturningId(connection_, SingleRowInsertSql(PartyTable::kParties), PartyValues(record));
}

sdk::Status PartyWriter::UpdateParty(std::int64_t party_id, const mapping::MappedRecord& record) {
  std::vector<Value> values = PartyValues(record);
  values.push_back(Value::Int64(party_id));
  auto updated = Exec(
      "UPDATE parties SET kind = ?, name = ?, name_latin = ?, short_name = ?, family_name = ?, given_name = ?, "
      "birth_date = ?, grade = ?, classification = ?, industry = ?, region = ?, country = ?, tier = ?, status = ?, "
      "name_normalized = ?, updated_at = {{now}} WHERE id = ?",
      values);
  return updated.ok() ? sdk::Status::Ok() : updated.status();
}

sdk::Status PartyWriter::ReplaceChannels(std::int64_t party_id, std::int64_t link_id,
                                         const mapping::MappedRecord& record) {
  for (std::string_view table : {"party_identifiers", "phones", "emails", "websites", "addresses"}) {
    auto removed = Exec("DELETE FROM " + std::string(table) + " WHERE source_link_id = ?", {Value::Int64(link_id)});
    if (!removed.ok()) return removed.status();
  }
  return AddChannels(party_id, link_id, record);
}

sdk::Status PartyWriter::AddChannels(std::int64_t party_id, std::int64_t link_id, const mapping::MappedRecord& record) {
  for (const PartyRow& row : ChannelRows(record, party_id, link_id)) {
    auto added = Exec(SingleRowInsertSql(row.table), row.values);
    if (!added.ok()) return added.status();
  }
  return sdk::Status::Ok();
}

sdk::Status PartyWriter::AddEvent(std::int64_t party_id, std::string_view kind, const mapping::MappedRecord& record) {
  auto added = Exec(SingleRowInsertSql(PartyTable::kEvents), EventValues(party_id, kind, record));
  return added.ok() ? sdk::Status::Ok() : added.status();
}

void PartyWriter::Remember(const mapping::MappedRecord& record, std::int64_t link_id, std::int64_t party_id,
                           std::string content_hash) {
  known_[KeyOf(record)] = Link{link_id, party_id, std::move(content_hash), false};
}

bool PartyWriter::KnownAbsent(const mapping::MappedRecord& record) const {
  auto known = known_.find(KeyOf(record));
  return known != known_.end() && !known->second;
}

}  // namespace hub::sync
