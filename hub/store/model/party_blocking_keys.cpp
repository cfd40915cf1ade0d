#include "store/model/party_blocking_keys.hpp"

#include <algorithm>
#include <map>
#include <string>

#include "store/model/id_lists.hpp"
#include "store/model/store_statements.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// A key hash as the BIGINT column keeps it: the same 64 bits, signed.
std::int64_t Stored(std::uint64_t hash) { return static_cast<std::int64_t>(hash); }

std::uint64_t Hash(const Value& stored) { return static_cast<std::uint64_t>(stored.integer()); }

sdk::Result<std::vector<KeyHolders>> HoldersOnPostgres(odbc::Connection& connection,
                                                       const std::vector<std::uint64_t>& key_hashes,
                                                       std::size_t max_parties) {
  std::string hashes = "{";
  for (std::uint64_t hash : key_hashes)
    hashes.append(hashes.size() == 1 ? "" : ",").append(std::to_string(Stored(hash)));
  auto rows = QueryStoreRows(connection,
                             "SELECT wanted.key_hash, holder.party_id FROM unnest(CAST(? AS bigint[])) AS "
                             "wanted(key_hash) CROSS JOIN LATERAL (SELECT k.party_id FROM party_blocking_keys k "
                             "WHERE k.key_hash = wanted.key_hash ORDER BY k.party_id LIMIT " +
                                 std::to_string(max_parties + 1) + ") AS holder",
                             {Value::String(hashes + "}")});
  if (!rows.ok()) return rows.status();
  std::map<std::uint64_t, std::vector<std::int64_t>> by_key;
  for (const odbc::Row& row : *rows) by_key[Hash(row[0])].push_back(row[1].integer());
  std::vector<KeyHolders> holders;
  for (std::uint64_t hash : key_hashes) {
    auto found = by_key.find(hash);
    if (found == by_key.end()) continue;
    holders.push_back({hash, found->second.size() > max_parties ? std::vector<std::int64_t>() : found->second});
  }
  return holders;
}

sdk::Result<std::vector<KeyHolders>> HoldersOneByOne(odbc::Connection& connection,
                                                     const std::vector<std::uint64_t>& key_hashes,
                                                     std::size_t max_parties) {
  const std::string sql = "SELECT party_id FROM party_blocking_keys WHERE key_hash = ? ORDER BY party_id LIMIT " +
                          std::to_string(max_parties + 1);
  std::vector<KeyHolders> holders;
  for (std::uint64_t hash : key_hashes) {
    auto rows = QueryStoreRows(connection, sql, {Value::Int64(Stored(hash))});
    if (!rows.ok()) return rows.status();
    if (rows->empty()) continue;
    KeyHolders key{hash, {}};
    if (rows->size() <= max_parties) {
      for (const odbc::Row& row : *rows) key.party_ids.push_back(row[0].integer());
    }
    holders.push_back(std::move(key));
  }
  return holders;
}

}  // namespace

sdk::Status ReplacePartyBlockingKeys(odbc::Connection& connection, const std::vector<PartyBlockingKeys>& parties) {
  if (parties.empty()) return sdk::Status::Ok();
  std::vector<std::int64_t> ids;
  std::size_t keys = 0;
  for (const PartyBlockingKeys& party : parties) {
    ids.push_back(party.party_id);
    keys += party.key_hashes.size();
  }
  auto deleted = ExecuteByIds(connection, "DELETE FROM party_blocking_keys WHERE {ids}", "party_id", ids);
  if (!deleted.ok()) return deleted.status();
  if (keys == 0) return sdk::Status::Ok();
  // On PostgreSQL all the keys go out as one statement (the array form takes any number of rows).
  const std::size_t rows = connection.dialect() == odbc::Dialect::kPostgres ? keys : 0;
  auto writer = odbc::BatchWriter::Create(connection, {"party_blocking_keys", {"key_hash", "party_id"}, "", rows});
  if (!writer.ok()) return writer.status();
  for (const PartyBlockingKeys& party : parties) {
    for (std::uint64_t hash : party.key_hashes) {
      HUB_RETURN_IF_ERROR(writer->Add({Value::Int64(Stored(hash)), Value::Int64(party.party_id)}));
    }
  }
  return writer->Flush();
}

sdk::Status ClearPartyBlockingKeys(odbc::Connection& connection) {
  auto deleted = ExecuteStoreStatement(connection, "DELETE FROM party_blocking_keys", {});
  return deleted.ok() ? sdk::Status::Ok() : deleted.status();
}

sdk::Result<std::vector<std::int64_t>> PartiesWithoutBlockingKeys(odbc::Connection& connection) {
  auto rows = QueryStoreRows(connection,
                             "SELECT p.id FROM parties p WHERE NOT EXISTS "
                             "(SELECT 1 FROM party_blocking_keys k WHERE k.party_id = p.id) ORDER BY p.id",
                             {});
  if (!rows.ok()) return rows.status();
  std::vector<std::int64_t> ids;
  ids.reserve(rows->size());
  for (const odbc::Row& row : *rows) ids.push_back(row[0].integer());
  return ids;
}

sdk::Result<std::vector<KeyHolders>> BlockingKeyHolders(odbc::Connection& connection,
                                                        const std::vector<std::uint64_t>& key_hashes,
                                                        std::size_t max_parties) {
  if (key_hashes.empty()) return std::vector<KeyHolders>();
  if (connection.dialect() == odbc::Dialect::kPostgres) return HoldersOnPostgres(connection, key_hashes, max_parties);
  return HoldersOneByOne(connection, key_hashes, max_parties);
}

}  // namespace hub::store_model
