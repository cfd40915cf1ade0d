#include "sync/bulk_party_writer.hpp"

#include <utility>

#include "sync/id_allocator.hpp"
#include "sync/record_json.hpp"

namespace hub::sync {

sdk::Result<std::vector<InsertedParty>> BulkPartyWriter::Insert(
    const std::vector<const mapping::MappedRecord*>& records) {
  sdk::Result<std::vector<InsertedParty>> inserted = Allocate(records.size());
  if (!inserted.ok()) return inserted.status();
  PartyTableRows rows = BuildRows(records, *inserted);
  for (std::size_t table = 0; table < kPartyTableCount; ++table) {
    sdk::Status written = WriteTable(PartyTable{table}, rows[table]);
    if (!written.ok()) {
      for (std::optional<odbc::BatchWriter>& writer : writers_) writer.reset();  // drops buffered rows
      return written;
    }
  }
  return inserted;
}

sdk::Result<std::vector<InsertedParty>> BulkPartyWriter::Allocate(std::size_t count) {
  sdk::Result<std::vector<std::int64_t>> party_ids = AllocateIds(connection_, "parties", count);
  if (!party_ids.ok()) return party_ids.status();
  sdk::Result<std::vector<std::int64_t>> link_ids = AllocateIds(connection_, "source_links", count);
  if (!link_ids.ok()) return link_ids.status();
  if (party_ids->size() != count || link_ids->size() != count) {
    return sdk::Status::Internal("reserved fewer ids than the " + std::to_string(count) + " asked for");
  }
  std::vector<InsertedParty> inserted(count);
  for (std::size_t i = 0; i < count; ++i) {
    inserted[i].party_id = (*party_ids)[i];
    inserted[i].link_id = (*link_ids)[i];
  }
  return inserted;
}

PartyTableRows BulkPartyWriter::BuildRows(const std::vector<const mapping::MappedRecord*>& records,
                                          std::vector<InsertedParty>& inserted) {
  PartyTableRows rows;
  for (std::size_t i = 0; i < records.size(); ++i) {
    InsertedParty& party = inserted[i];
    party.content_hash = ContentHash(*records[i]);
    AppendNewPartyRows(*records[i], party.party_id, party.link_id, party.content_hash, rows);
  }
  return rows;
}

sdk::Status BulkPartyWriter::WriteTable(PartyTable table, std::vector<std::vector<sdk::Value>>& rows) {
  if (rows.empty()) return sdk::Status::Ok();
  sdk::Result<odbc::BatchWriter*> writer = WriterFor(table);
  if (!writer.ok()) return writer.status();
  for (std::vector<sdk::Value>& row : rows) HUB_RETURN_IF_ERROR((*writer)->Add(std::move(row)));
  return (*writer)->Flush();
}

sdk::Result<odbc::BatchWriter*> BulkPartyWriter::WriterFor(PartyTable table) {
  std::optional<odbc::BatchWriter>& slot = writers_[static_cast<std::size_t>(table)];
  if (slot) return &*slot;
  sdk::Result<odbc::BatchWriter> created = odbc::BatchWriter::Create(connection_, NewPartySpec(table));
  if (!created.ok()) return created.status();
  slot.emplace(std::move(created).value());
  return &*slot;
}

}  // namespace hub::sync
