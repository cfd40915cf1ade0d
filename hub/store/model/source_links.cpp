#include "store/model/source_links.hpp"

#include <algorithm>
#include <span>

#include "store/model/record_json.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kLinkColumns =
    "SELECT source_id, id, record_id, content_hash, CASE WHEN deleted_at IS NULL THEN 0 ELSE 1 END "
    "FROM source_links WHERE source_system = ? AND entity = ? AND source_id ";

SourceLink LinkOf(const odbc::Row& row) {
  return SourceLink{row[1].integer(), row[2].integer(), row[3].text(), row[4].integer() != 0};
}

constexpr std::size_t kIdsPerInList = 500;
constexpr std::size_t kIdsPerArray = 5000;

// The links of `ids` with one IN list, prepared afresh each time (not cached: PostgreSQL would move a
// cached statement to a generic plan after a few runs, and a generic plan for a long IN list scans every
// link of the system). Rows as kLinkColumns.
sdk::Result<std::vector<odbc::Row>> QueryInList(odbc::Connection& connection, std::string_view entity,
                                                std::string_view source_system, std::span<const std::string> ids) {
  std::string sql = std::string(kLinkColumns) + "IN (?";
  std::vector<Value> params{Value::String(std::string(source_system)), Value::String(std::string(entity))};
  for (std::size_t i = 0; i < ids.size(); ++i) {
    sql += i == 0 ? "" : ", ?";
    params.push_back(Value::String(ids[i]));
  }
  auto rows = connection.Query(sql + ")", params);
  if (!rows.ok()) return rows.status();
  return std::move(rows->rows);
}

// `ids` as a PostgreSQL array literal: every element quoted, backslashes and quotes escaped.
std::string ArrayLiteral(std::span<const std::string> ids) {
  std::string literal = "{";
  for (const std::string& id : ids) {
    literal.append(literal.size() == 1 ? "\"" : ",\"");
    for (char c : id) {
      if (c == '"' || c == '\\') literal.push_back('\\');
      literal.push_back(c);
    }
    literal.push_back('"');
  }
  return literal + "}";
}

// PostgreSQL: the links of `ids` passed as one text[], each probed through the unique index by a LATERAL
// subquery the planner cannot flatten (LIMIT 1). The plan is the same with or without statistics, so the
// statement is cached; an IN list was planned, while the table had no statistics yet (right after a first
// load), as a scan of every link of the system: 15x slower. Rows as kLinkColumns.
sdk::Result<std::vector<odbc::Row>> QueryArray(odbc::Connection& connection, std::string_view entity,
                                               std::string_view source_system, std::span<const std::string> ids) {
  return QueryStoreRows(
      connection,
      "SELECT wanted.source_id, link.id, link.record_id, link.content_hash, "
      "CASE WHEN link.deleted_at IS NULL THEN 0 ELSE 1 END FROM unnest(CAST(? AS text[])) AS wanted(source_id) "
      "CROSS JOIN LATERAL (SELECT id, record_id, content_hash, deleted_at FROM source_links "
      "WHERE source_system = ? AND entity = ? AND source_id = wanted.source_id LIMIT 1) AS link",
      {Value::String(ArrayLiteral(ids)), Value::String(std::string(source_system)),
       Value::String(std::string(entity))});
}

}  // namespace

sdk::Result<std::optional<SourceLink>> SourceLinks::Find(const model::MappedRecord& record) {
  return Find(record.source_system, record.entity->name, record.source_id);
}

sdk::Result<std::optional<SourceLink>> SourceLinks::Find(std::string_view source_system, std::string_view entity,
                                                         std::string_view source_id) {
  Key key{std::string(source_system), std::string(entity), std::string(source_id)};
  auto known = known_.find(key);
  if (known != known_.end()) return known->second;
  auto rows = QueryStoreRows(
      connection_, std::string(kLinkColumns) + "= ?",
      {Value::String(std::get<0>(key)), Value::String(std::get<1>(key)), Value::String(std::get<2>(key))});
  if (!rows.ok()) return rows.status();
  std::optional<SourceLink> link;
  if (!rows->empty()) link = LinkOf(rows->front());
  known_[std::move(key)] = link;
  return link;
}

sdk::Status SourceLinks::Prefetch(std::string_view entity, std::string_view source_system,
                                  const std::vector<std::string>& source_ids) {
  const bool postgres = connection_.dialect() == odbc::Dialect::kPostgres;
  const std::size_t per_query = postgres ? kIdsPerArray : kIdsPerInList;
  for (std::size_t start = 0; start < source_ids.size(); start += per_query) {
    const std::span<const std::string> ids(source_ids.data() + start, std::min(per_query, source_ids.size() - start));
    for (const std::string& id : ids) known_[{std::string(source_system), std::string(entity), id}] = std::nullopt;
    auto rows = postgres ? QueryArray(connection_, entity, source_system, ids)
                         : QueryInList(connection_, entity, source_system, ids);
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& row : *rows) {
      known_[{std::string(source_system), std::string(entity), row[0].text()}] = LinkOf(row);
    }
  }
  return sdk::Status::Ok();
}

sdk::Result<bool> SourceLinks::Unchanged(const model::MappedRecord& record) {
  if (record.operation == sdk::Operation::kDelete) return false;
  sdk::Result<std::optional<SourceLink>> found = Find(record);
  if (!found.ok()) return found.status();
  return *found && !(*found)->deleted && (*found)->content_hash == ContentHash(record);
}

bool SourceLinks::KnownAbsent(const model::MappedRecord& record) const {
  auto known = known_.find(KeyOf(record));
  return known != known_.end() && !known->second;
}

void SourceLinks::Remember(const model::MappedRecord& record, SourceLink link) {
  known_[KeyOf(record)] = std::move(link);
}

sdk::Status SourceLinks::Refresh(const model::MappedRecord& record, const SourceLink& link,
                                 const std::string& content_hash) {
  auto moved = ExecuteStoreStatement(
      connection_, "UPDATE source_links SET content_hash = ?, last_seen_at = {{now}}, deleted_at = NULL WHERE id = ?",
      {Value::String(content_hash), Value::Int64(link.id)});
  if (!moved.ok()) return moved.status();
  Remember(record, SourceLink{link.id, link.record_id, content_hash, false});
  return sdk::Status::Ok();
}

sdk::Status SourceLinks::MarkDeleted(const model::MappedRecord& record, const SourceLink& link) {
  auto marked = ExecuteStoreStatement(
      connection_, "UPDATE source_links SET deleted_at = {{now}}, last_seen_at = {{now}} WHERE id = ?",
      {Value::Int64(link.id)});
  if (!marked.ok()) return marked.status();
  Remember(record, SourceLink{link.id, link.record_id, link.content_hash, true});
  return sdk::Status::Ok();
}

}  // namespace hub::store_model
