#include "store/model/party_same_as.hpp"

#include <algorithm>

#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

constexpr std::string_view kField = "same_as_source_id";

// Ids per IN list: well inside SQLite's limit on bound parameters.
constexpr std::size_t kIdsPerQuery = 500;

}  // namespace

std::optional<SameAs> SameAsOf(const model::MappedRecord& record) {
  const model::MappedField* field = record.FindField(kField);
  if (field == nullptr || field->value.is_null() || field->value.text().empty()) return std::nullopt;
  return SameAs{field->reference_system.empty() ? record.source_system : std::string(field->reference_system),
                field->value.text()};
}

sdk::Result<std::optional<std::int64_t>> SameAsParty(odbc::Connection& connection, SourceLinks& links,
                                                     const model::MappedRecord& record) {
  if (std::optional<SameAs> same = SameAsOf(record)) {
    const bool itself = same->system == record.source_system && same->source_id == record.source_id;
    sdk::Result<std::optional<SourceLink>> named = links.Find(same->system, "party", same->source_id);
    if (!named.ok()) return named.status();
    if (*named && !itself) return std::optional<std::int64_t>((*named)->record_id);
  }
  auto rows = QueryStoreRows(connection,
                             "SELECT record_id FROM source_links WHERE same_as_system = ? AND same_as_source_id = ? "
                             "AND same_as_source_id IS NOT NULL AND entity = 'party' AND deleted_at IS NULL "
                             "ORDER BY id",
                             {Value::String(record.source_system), Value::String(record.source_id)});
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>(rows->front().front().integer());
}

sdk::Result<std::set<std::string>> NamedAsSameParty(odbc::Connection& connection, const std::string& source_system,
                                                    const std::vector<std::string>& source_ids) {
  std::set<std::string> named;
  auto any = QueryStoreRows(connection,
                            "SELECT id FROM source_links WHERE same_as_system = ? AND same_as_source_id IS NOT NULL "
                            "LIMIT 1",
                            {Value::String(source_system)});
  if (!any.ok()) return any.status();
  if (any->empty()) return named;  // the common case: no link names this system's records
  for (std::size_t start = 0; start < source_ids.size(); start += kIdsPerQuery) {
    const std::size_t end = std::min(source_ids.size(), start + kIdsPerQuery);
    std::string sql =
        "SELECT same_as_source_id FROM source_links WHERE same_as_system = ? AND same_as_source_id IS NOT NULL "
        "AND entity = 'party' AND deleted_at IS NULL AND same_as_source_id IN (?";
    std::vector<Value> params{Value::String(source_system)};
    for (std::size_t i = start; i < end; ++i) {
      sql += i == start ? "" : ", ?";
      params.push_back(Value::String(source_ids[i]));
    }
    // Not cached: the list's length varies (see source_links.cpp).
    auto rows = connection.Query(sql + ")", params);
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& row : rows->rows) named.insert(row[0].text());
  }
  return named;
}

}  // namespace hub::store_model
