#include "store/model/match_pairs.hpp"

#include <cmath>
#include <map>
#include <utility>

#include "store/model/id_lists.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kPairColumns =
    "m.id, m.left_party_id, m.right_party_id, m.probability, m.decision, m.decided_by, m.reviewer";

// A probability read back from either engine may differ from the one computed in its last bits.
constexpr double kProbabilityTolerance = 1e-9;

MatchPairRow PairOf(const odbc::Row& row) {
  return MatchPairRow{row[0].integer(),
                      row[1].integer(),
                      row[2].integer(),
                      row[3].real(),
                      row[4].text(),
                      row[5].text(),
                      row[6].is_null() ? std::string() : row[6].text()};
}

// The first source record of a party, as "(SELECT s.<column> ...)" over party `alias`.
std::string FirstLink(std::string_view column, std::string_view alias) {
  return "(SELECT s." + std::string(column) +
         " FROM source_links s WHERE s.entity = 'party' AND s.record_id = " + std::string(alias) +
         ".id ORDER BY s.id LIMIT 1)";
}

std::string TextOf(const Value& value) { return value.is_null() ? std::string() : value.text(); }

sdk::Status InsertPair(odbc::Connection& connection, const MatchPairDecision& pair) {
  auto inserted = ExecuteStoreStatement(
      connection,
      "INSERT INTO match_pairs (left_party_id, right_party_id, probability, decision, "
      "explanation) VALUES (?, ?, ?, ?, ?)",
      {Value::Int64(pair.left_party_id), Value::Int64(pair.right_party_id), Value::Double(pair.probability),
       Value::String(pair.decision), Value::String(pair.explanation)});
  return inserted.ok() ? sdk::Status::Ok() : inserted.status();
}

// The stored pair `row` as the run decided it (`pair`), keeping a reviewer's decision — also one a reviewer
// committed after `row` was read.
sdk::Status UpdatePair(odbc::Connection& connection, const MatchPairRow& row, const MatchPairDecision& pair) {
  const bool reviewed = row.decided_by == "reviewer";
  auto updated = ExecuteStoreStatement(
      connection,
      reviewed ? "UPDATE match_pairs SET probability = ?, explanation = ?, updated_at = {{now}} WHERE id = ?"
               : "UPDATE match_pairs SET probability = ?, explanation = ?, decision = ?, decided_at = {{now}}, "
                 "updated_at = {{now}} WHERE id = ? AND decided_by = 'matcher'",
      reviewed
          ? std::vector<Value>{Value::Double(pair.probability), Value::String(pair.explanation), Value::Int64(row.id)}
          : std::vector<Value>{Value::Double(pair.probability), Value::String(pair.explanation),
                               Value::String(pair.decision), Value::Int64(row.id)});
  return updated.ok() ? sdk::Status::Ok() : updated.status();
}

}  // namespace

sdk::Result<std::vector<MatchPairRow>> ReadMatchPairs(odbc::Connection& connection) {
  auto rows = QueryStoreRows(
      connection,
      "SELECT " + std::string(kPairColumns) + " FROM match_pairs m ORDER BY m.left_party_id, m.right_party_id", {});
  if (!rows.ok()) return rows.status();
  std::vector<MatchPairRow> pairs;
  pairs.reserve(rows->size());
  for (const odbc::Row& row : *rows) pairs.push_back(PairOf(row));
  return pairs;
}

sdk::Result<std::vector<MatchPairRow>> ReadMatchPairsOf(odbc::Connection& connection,
                                                        const std::vector<std::int64_t>& party_ids) {
  if (party_ids.empty()) return std::vector<MatchPairRow>();
  const IdCondition left = IdsCondition(connection, "m.left_party_id", party_ids);
  const IdCondition right = IdsCondition(connection, "m.right_party_id", party_ids);
  IdCondition statement{"SELECT " + std::string(kPairColumns) + " FROM match_pairs m WHERE " + left.sql + " OR " +
                            right.sql + " ORDER BY m.left_party_id, m.right_party_id",
                        left.params, left.cacheable && right.cacheable};
  statement.params.insert(statement.params.end(), right.params.begin(), right.params.end());
  auto rows = QueryIdStatement(connection, statement);
  if (!rows.ok()) return rows.status();
  std::vector<MatchPairRow> pairs;
  pairs.reserve(rows->size());
  for (const odbc::Row& row : *rows) pairs.push_back(PairOf(row));
  return pairs;
}

sdk::Result<MatchPairChanges> WriteMatchPairs(odbc::Connection& connection, const std::vector<MatchPairRow>& stored,
                                              const std::vector<MatchPairDecision>& decided) {
  std::map<std::pair<std::int64_t, std::int64_t>, const MatchPairRow*> by_parties;
  for (const MatchPairRow& row : stored) by_parties.emplace(std::pair(row.left_party_id, row.right_party_id), &row);
  MatchPairChanges changes;
  for (const MatchPairDecision& pair : decided) {
    auto found = by_parties.find({pair.left_party_id, pair.right_party_id});
    if (found == by_parties.end()) {
      HUB_RETURN_IF_ERROR(InsertPair(connection, pair));
      ++changes.inserted;
      continue;
    }
    const MatchPairRow& row = *found->second;
    by_parties.erase(found);
    const bool moved = std::abs(row.probability - pair.probability) > kProbabilityTolerance ||
                       (row.decided_by != "reviewer" && row.decision != pair.decision);
    if (!moved) continue;
    HUB_RETURN_IF_ERROR(UpdatePair(connection, row, pair));
    ++changes.updated;
  }
  for (const auto& [parties, row] : by_parties) {
    if (row->decided_by == "reviewer" || row->decision == "no_link") continue;
    auto updated =
        ExecuteStoreStatement(connection,
                              "UPDATE match_pairs SET decision = 'no_link', decided_at = {{now}}, updated_at = {{now}} "
                              "WHERE id = ? AND decided_by = 'matcher'",
                              {Value::Int64(row->id)});
    if (!updated.ok()) return updated.status();
    ++changes.updated;
  }
  return changes;
}

sdk::Result<std::optional<MatchPairRow>> RecordReview(odbc::Connection& connection, std::int64_t id, bool accepted,
                                                      const std::string& reviewer) {
  auto rows = QueryStoreRows(connection, "SELECT " + std::string(kPairColumns) + " FROM match_pairs m WHERE m.id = ?",
                             {Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<MatchPairRow>();
  auto updated =
      ExecuteStoreStatement(connection,
                            "UPDATE match_pairs SET decision = ?, decided_by = 'reviewer', reviewer = ?, "
                            "decided_at = {{now}}, updated_at = {{now}} WHERE id = ?",
                            {Value::String(accepted ? "link" : "no_link"), Value::String(reviewer), Value::Int64(id)});
  if (!updated.ok()) return updated.status();
  return std::optional<MatchPairRow>(PairOf(rows->front()));
}

sdk::Result<std::vector<MatchPairListing>> ListMatchPairs(odbc::Connection& connection,
                                                          const std::optional<std::string>& decision,
                                                          std::int64_t after_id, std::size_t limit) {
  std::string sql = "SELECT " + std::string(kPairColumns) + ", m.explanation, m.decided_at, m.updated_at, l.name, " +
                    FirstLink("source_system", "l") + ", " + FirstLink("source_id", "l") + ", r.name, " +
                    FirstLink("source_system", "r") + ", " + FirstLink("source_id", "r") +
                    " FROM match_pairs m JOIN parties l ON l.id = m.left_party_id"
                    " JOIN parties r ON r.id = m.right_party_id WHERE m.id > ?";
  std::vector<Value> params{Value::Int64(after_id)};
  if (decision) {
    sql += " AND m.decision = ?";
    params.push_back(Value::String(*decision));
  }
  sql += " ORDER BY m.id LIMIT " + std::to_string(limit);
  auto rows = QueryStoreRows(connection, sql, params);
  if (!rows.ok()) return rows.status();
  std::vector<MatchPairListing> listings;
  listings.reserve(rows->size());
  for (const odbc::Row& row : *rows) {
    listings.push_back(MatchPairListing{PairOf(row),
                                        TextOf(row[7]),
                                        row[8],
                                        row[9],
                                        {TextOf(row[10]), TextOf(row[11]), TextOf(row[12])},
                                        {TextOf(row[13]), TextOf(row[14]), TextOf(row[15])}});
  }
  return listings;
}

}  // namespace hub::store_model
