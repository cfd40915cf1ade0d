#include "store/model/bulk_party_writer.hpp"

#include <map>
#include <set>
#include <utility>

#include "store/model/id_allocator.hpp"
#include "store/model/party_same_as.hpp"
#include "store/model/record_json.hpp"
#include "store/model/text_references.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {

sdk::Result<std::vector<InsertedParty>> BulkPartyWriter::Insert(
    const std::vector<const model::MappedRecord*>& records) {
  sdk::Result<std::vector<InsertedParty>> inserted = Allocate(records.size());
  if (!inserted.ok()) return inserted.status();
  HUB_RETURN_IF_ERROR(LeaveJoinsOut(records, *inserted));
  sdk::Result<PartyTableRows> rows = BuildRows(records, *inserted);
  if (!rows.ok()) return rows.status();
  HUB_RETURN_IF_ERROR(InsertPartyRows(connection_, *rows, turn_));
  if (!rows->front().empty()) HUB_RETURN_IF_ERROR(FillAllTextReferences(connection_, *records.front()->entity));
  return inserted;
}

sdk::Status BulkPartyWriter::LeaveJoinsOut(const std::vector<const model::MappedRecord*>& records,
                                           std::vector<InsertedParty>& inserted) {
  std::map<std::string, std::vector<std::string>> ids;              // by source system
  std::set<std::pair<std::string, std::string>> in_group;           // (system, id)
  std::map<std::string, std::vector<std::string>> named_by_system;  // same_as targets, by system
  for (const model::MappedRecord* record : records) {
    ids[record->source_system].push_back(record->source_id);
    in_group.emplace(record->source_system, record->source_id);
    if (std::optional<SameAs> same = SameAsOf(*record)) named_by_system[same->system].push_back(same->source_id);
  }
  for (const auto& [system, named] : named_by_system) HUB_RETURN_IF_ERROR(links_.Prefetch("party", system, named));
  std::map<std::string, std::set<std::string>> named_by_links;  // records a stored link names as the same party
  for (const auto& [system, system_ids] : ids) {
    sdk::Result<std::set<std::string>> named = NamedAsSameParty(connection_, system, system_ids);
    if (!named.ok()) return named.status();
    named_by_links[system] = std::move(named).value();
  }
  for (std::size_t i = 0; i < records.size(); ++i) {
    const model::MappedRecord& record = *records[i];
    bool joins = named_by_links[record.source_system].contains(record.source_id);
    if (std::optional<SameAs> same = SameAsOf(record); same && !joins) {
      sdk::Result<std::optional<SourceLink>> link = links_.Find(same->system, "party", same->source_id);
      if (!link.ok()) return link.status();
      joins = link->has_value() || in_group.contains({same->system, same->source_id});
    }
    if (joins) inserted[i].written = false;
  }
  return sdk::Status::Ok();
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

sdk::Result<PartyTableRows> BulkPartyWriter::BuildRows(const std::vector<const model::MappedRecord*>& records,
                                                       std::vector<InsertedParty>& inserted) {
  PartyTableRows rows;
  std::map<std::string, sdk::Value> owners;  // by employee number: owners repeat across a batch
  for (std::size_t i = 0; i < records.size(); ++i) {
    InsertedParty& party = inserted[i];
    if (!party.written) continue;
    const sdk::Value* number = records[i]->Find("owner_employee_number");
    sdk::Value owner;
    if (number != nullptr && !number->is_null()) {
      auto known = owners.find(number->text());
      if (known == owners.end()) {
        sdk::Result<sdk::Value> resolved = references_.IdValueOf(*records[i], "owner_employee_number");
        if (!resolved.ok() && resolved.status().code() != sdk::StatusCode::kNotFound) return resolved.status();
        known = owners.emplace(number->text(), resolved.ok() ? *resolved : sdk::Value()).first;
      }
      owner = known->second;
      party.written = !owner.is_null();
      if (!party.written) continue;
    }
    party.content_hash = ContentHash(*records[i]);
    AppendNewPartyRows(*records[i], party.party_id, party.link_id, party.content_hash, owner, rows);
  }
  return rows;
}

sdk::Status InsertPartyRows(odbc::Connection& connection, PartyTableRows& rows, const odbc::OutboxTurn& /*turn*/) {
  for (std::size_t table = 0; table < kPartyTableCount; ++table) {
    if (rows[table].empty()) continue;
    sdk::Result<odbc::BatchWriter> writer = odbc::BatchWriter::Create(connection, NewPartySpec(PartyTable{table}));
    if (!writer.ok()) return writer.status();
    for (std::vector<sdk::Value>& row : rows[table]) HUB_RETURN_IF_ERROR(writer->Add(std::move(row)));
    HUB_RETURN_IF_ERROR(writer->Flush());
  }
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
