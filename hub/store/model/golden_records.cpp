#include "store/model/golden_records.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <boost/json.hpp>

#include "store/model/id_lists.hpp"
#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;
using RecordsByGolden = std::map<std::int64_t, GoldenRecord>;

std::size_t FieldRank(const std::string& field) {
  return static_cast<std::size_t>(std::find(kGoldenFields.begin(), kGoldenFields.end(), field) - kGoldenFields.begin());
}

// The stored records, and every golden party that has lineage rows (a record may have lost its members).
struct StoredState {
  RecordsByGolden records;
  std::set<std::int64_t> with_lineage;
};

// golden_lineage's rows: all of them, or those of the golden parties among `parties`.
sdk::Result<std::vector<odbc::Row>> ReadLineage(odbc::Connection& connection, const std::vector<PartyProfile>& parties,
                                                GoldenScope scope) {
  constexpr std::string_view kLineage =
      "SELECT golden_party_id, field, value, from_party_id, source_system, rule FROM golden_lineage";
  if (scope == GoldenScope::kWholeStore) return QueryStoreRows(connection, kLineage, {});
  std::vector<std::int64_t> ids;
  for (const PartyProfile& party : parties) ids.push_back(party.id);
  return QueryByIds(connection, std::string(kLineage) + " WHERE {ids}", "golden_party_id", ids);
}

sdk::Result<StoredState> ReadStored(odbc::Connection& connection, const std::vector<PartyProfile>& parties,
                                    GoldenScope scope) {
  StoredState state;
  for (const PartyProfile& party : parties) {
    if (party.golden_party_id) state.records[*party.golden_party_id].members.push_back(party.id);
  }
  for (auto& [golden, record] : state.records) {
    record.members.push_back(golden);
    std::sort(record.members.begin(), record.members.end());
  }
  auto rows = ReadLineage(connection, parties, scope);
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : *rows) {
    state.with_lineage.insert(row[0].integer());
    auto record = state.records.find(row[0].integer());
    if (record == state.records.end()) continue;
    record->second.values.push_back(GoldenValue{row[1].text(), row[2].text(), row[3].integer(),
                                                row[4].is_null() ? std::string() : row[4].text(), row[5].text()});
  }
  for (auto& [golden, record] : state.records) {
    std::sort(record.values.begin(), record.values.end(),
              [](const GoldenValue& a, const GoldenValue& b) { return FieldRank(a.field) < FieldRank(b.field); });
  }
  return state;
}

sdk::Status Repoint(odbc::Connection& connection, const std::vector<PartyProfile>& parties,
                    const std::unordered_map<std::int64_t, std::int64_t>& golden_of, GoldenChanges& changes) {
  for (const PartyProfile& party : parties) {
    auto wanted = golden_of.find(party.id);
    const std::optional<std::int64_t> golden =
        wanted == golden_of.end() ? std::nullopt : std::optional<std::int64_t>(wanted->second);
    if (golden == party.golden_party_id) continue;
    auto updated =
        ExecuteStoreStatement(connection,
                              golden ? "UPDATE parties SET golden_party_id = ?, merged_at = {{now}} WHERE id = ?"
                                     : "UPDATE parties SET golden_party_id = ?, merged_at = NULL WHERE id = ?",
                              {golden ? Value::Int64(*golden) : Value::Null(), Value::Int64(party.id)});
    if (!updated.ok()) return updated.status();
    ++changes.repointed;
  }
  return sdk::Status::Ok();
}

sdk::Status ReplaceLineage(odbc::Connection& connection, std::int64_t golden, const std::vector<GoldenValue>& values) {
  auto deleted =
      ExecuteStoreStatement(connection, "DELETE FROM golden_lineage WHERE golden_party_id = ?", {Value::Int64(golden)});
  if (!deleted.ok()) return deleted.status();
  for (const GoldenValue& value : values) {
    auto inserted = ExecuteStoreStatement(
        connection,
        "INSERT INTO golden_lineage (golden_party_id, field, value, from_party_id, source_system, rule) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        {Value::Int64(golden), Value::String(value.field), Value::String(value.value),
         Value::Int64(value.from_party_id),
         value.source_system.empty() ? Value::Null() : Value::String(value.source_system), Value::String(value.rule)});
    if (!inserted.ok()) return inserted.status();
  }
  return sdk::Status::Ok();
}

std::string EventPayload(std::int64_t golden, const GoldenRecord& now, const GoldenRecord& before,
                         const std::unordered_map<std::int64_t, const PartyProfile*>& by_id) {
  boost::json::array members;
  for (std::int64_t id : now.members) {
    const PartyProfile* party = by_id.at(id);
    members.push_back(boost::json::object{
        {"party_id", id}, {"source_system", party->source_system}, {"source_id", party->source_id}});
  }
  boost::json::array previous(before.members.begin(), before.members.end());
  boost::json::object fields;
  for (const GoldenValue& value : now.values) {
    fields[value.field] = boost::json::object{{"value", value.value},
                                              {"from_party_id", value.from_party_id},
                                              {"source_system", value.source_system},
                                              {"rule", value.rule}};
  }
  return boost::json::serialize(boost::json::object{{"golden_party_id", golden},
                                                    {"members", std::move(members)},
                                                    {"previous_members", std::move(previous)},
                                                    {"fields", std::move(fields)}});
}

// The record party `id` belongs to in `records` under `golden_of`, or a record of its own.
GoldenRecord RecordOf(std::int64_t id, const RecordsByGolden& records,
                      const std::unordered_map<std::int64_t, std::int64_t>& golden_of) {
  auto member = golden_of.find(id);
  auto record = records.find(member == golden_of.end() ? id : member->second);
  return record == records.end() ? GoldenRecord{{id}, {}} : record->second;
}

sdk::Status AppendEvents(odbc::Connection& connection, const odbc::OutboxTurn& turn, const StoredState& stored,
                         const RecordsByGolden& wanted, const std::unordered_map<std::int64_t, std::int64_t>& golden_of,
                         const std::vector<PartyProfile>& parties, GoldenChanges& changes) {
  std::unordered_map<std::int64_t, const PartyProfile*> by_id;
  for (const PartyProfile& party : parties) by_id.emplace(party.id, &party);
  std::set<std::int64_t> goldens;
  for (const auto& [golden, record] : stored.records) goldens.insert(golden);
  for (const auto& [golden, record] : wanted) goldens.insert(golden);
  for (std::int64_t id : goldens) {
    if (!by_id.contains(id)) continue;
    auto before_found = stored.records.find(id);
    const GoldenRecord before = before_found == stored.records.end() ? GoldenRecord{{id}, {}} : before_found->second;
    const GoldenRecord now = RecordOf(id, wanted, golden_of);
    if (before.members == now.members && before.values == now.values) continue;
    HUB_RETURN_IF_ERROR(AppendOutboxEvent(connection, turn, "party", id, "party.golden_changed",
                                          EventPayload(now.golden_party_id(), now, before, by_id)));
    ++changes.events;
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<std::vector<GoldenRecord>> ReadGoldenRecords(odbc::Connection& connection,
                                                         const std::vector<PartyProfile>& parties) {
  auto stored = ReadStored(connection, parties, GoldenScope::kWholeStore);
  if (!stored.ok()) return stored.status();
  std::vector<GoldenRecord> records;
  for (auto& [golden, record] : stored->records) records.push_back(std::move(record));
  return records;
}

sdk::Result<GoldenChanges> ApplyGoldenRecords(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                              const std::vector<PartyProfile>& parties,
                                              const std::vector<GoldenRecord>& wanted, GoldenScope scope) {
  auto stored = ReadStored(connection, parties, scope);
  if (!stored.ok()) return stored.status();
  RecordsByGolden wanted_by_golden;
  std::unordered_map<std::int64_t, std::int64_t> golden_of;
  for (const GoldenRecord& record : wanted) {
    wanted_by_golden.emplace(record.golden_party_id(), record);
    for (std::int64_t member : record.members) {
      if (member != record.golden_party_id()) golden_of.emplace(member, record.golden_party_id());
    }
  }
  GoldenChanges changes;
  HUB_RETURN_IF_ERROR(Repoint(connection, parties, golden_of, changes));
  for (const auto& [golden, record] : wanted_by_golden) {
    auto before = stored->records.find(golden);
    const bool same = before != stored->records.end() && before->second.values == record.values;
    if (!same) HUB_RETURN_IF_ERROR(ReplaceLineage(connection, golden, record.values));
  }
  for (std::int64_t golden : stored->with_lineage) {
    if (!wanted_by_golden.contains(golden)) HUB_RETURN_IF_ERROR(ReplaceLineage(connection, golden, {}));
  }
  HUB_RETURN_IF_ERROR(AppendEvents(connection, turn, *stored, wanted_by_golden, golden_of, parties, changes));
  return changes;
}

sdk::Result<std::vector<std::int64_t>> GoldenMembersOf(odbc::Connection& connection,
                                                       const std::vector<std::int64_t>& golden_party_ids) {
  auto rows =
      QueryByIds(connection, "SELECT id FROM parties WHERE {ids} ORDER BY id", "golden_party_id", golden_party_ids);
  if (!rows.ok()) return rows.status();
  std::vector<std::int64_t> ids;
  for (const odbc::Row& row : *rows) ids.push_back(row[0].integer());
  return ids;
}

}  // namespace hub::store_model
