#include "service/customer_lists.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "store/odbc/cached_query.hpp"
#include "store/schema/sql_dialect.hpp"

namespace hub::service {
namespace {

using sdk::Value;

// The united statement's columns before the shared ones: the list and the row's rank in it.
constexpr std::size_t kFirstSlot = 2;

std::string_view ExpressionOf(const ListColumn& column) {
  return column.expression.empty() ? column.name : column.expression;
}

// "party_id IN <the parties> <still in its source>": the end of a list's WHERE clause.
std::string CustomersCondition(const CustomerList& list, const CustomerParties& parties) {
  std::string condition(parties.Sql());
  if (!list.entity.empty()) condition += " " + StillInItsSource(list.entity, list.table);
  return condition;
}

// " FROM ... <the customer's parties> ORDER BY ... LIMIT ...".
std::string Tail(const CustomerList& list, const CustomerParties& parties) {
  std::string tail = " " + std::string(list.from) + CustomersCondition(list, parties) + " " + std::string(list.order);
  if (!list.limit.empty()) tail += " " + std::string(list.limit);
  return tail;
}

std::string SelectApart(const CustomerList& list, const CustomerParties& parties) {
  std::string sql = "SELECT ";
  for (const ListColumn& column : list.columns) {
    if (&column != list.columns.data()) sql += ", ";
    sql += ExpressionOf(column);
    if (!column.expression.empty()) sql += " AS " + std::string(column.name);
  }
  return sql + Tail(list, parties);
}

// The `nth` shared column of `type` (from 0), added when the layout has no more of them: lists take their
// columns of a type in order, so one is added only when the list has as many of it as the layout already had.
std::size_t SlotOf(std::vector<std::string_view>& slot_types, std::string_view type, std::size_t nth) {
  for (std::size_t slot = 0; slot < slot_types.size(); ++slot) {
    if (slot_types[slot] == type && nth-- == 0) return slot;
  }
  slot_types.push_back(type);
  return slot_types.size() - 1;
}

// Branch `index` of the union: the list's number and its rank in its own order, then the shared columns
// (`layout`), this list's read into its places and typed NULLs in the others; the first branch names the
// columns c0, c1, ...
std::string SelectUnitedBranch(const std::vector<const CustomerList*>& lists, const UnitedLayout& layout,
                               std::size_t index, const CustomerParties& parties) {
  const CustomerList& list = *lists[index];
  const bool names = index == 0;
  std::vector<std::string> slots;
  for (std::string_view type : layout.slot_types) slots.push_back("CAST(NULL AS " + std::string(type) + ")");
  for (std::size_t c = 0; c < list.columns.size(); ++c) {
    slots[layout.places[index][c]] = std::string(ExpressionOf(list.columns[c]));
  }
  std::string sql = "(SELECT " + std::to_string(index) + (names ? " AS list" : "") + ", row_number() OVER (" +
                    std::string(list.order) + ")" + (names ? " AS ord" : "");
  for (std::size_t slot = 0; slot < slots.size(); ++slot) {
    sql += ", " + slots[slot];
    if (names) sql += " AS c" + std::to_string(slot);
  }
  return sql + Tail(list, parties) + ")";
}

}  // namespace

std::string_view CustomerParties::Sql() const {
  if (!has_merged) return "(?)";
  return "(SELECT CAST(? AS BIGINT) UNION ALL SELECT id FROM parties WHERE golden_party_id = ?)";
}

std::vector<Value> CustomerParties::Params() const {
  if (!has_merged) return {Value::Int64(golden_id)};
  return {Value::Int64(golden_id), Value::Int64(golden_id)};
}

std::string StillInItsSource(std::string_view entity, std::string_view table) {
  const std::string links = "FROM source_links l WHERE l.entity = '" + std::string(entity) +
                            "' AND l.record_id = " + std::string(table) + ".id";
  return "AND (EXISTS (SELECT 1 " + links + " AND l.deleted_at IS NULL) OR NOT EXISTS (SELECT 1 " + links + "))";
}

UnitedLayout UnitedLayout::Of(const std::vector<const CustomerList*>& lists) {
  UnitedLayout layout;
  for (const CustomerList* list : lists) {
    std::vector<std::size_t> places;
    std::map<std::string_view, std::size_t> used;  // the list's columns of each type so far
    for (const ListColumn& column : list->columns) {
      places.push_back(SlotOf(layout.slot_types, column.type, used[column.type]++));
    }
    layout.places.push_back(std::move(places));
  }
  return layout;
}

CustomerListsQuery::CustomerListsQuery(std::vector<const CustomerList*> lists)
    : lists_(std::move(lists)), layout_(UnitedLayout::Of(lists_)) {
  texts_[0] = Build(CustomerParties{.has_merged = false});
  texts_[1] = Build(CustomerParties{.has_merged = true});
}

CustomerListsQuery::Texts CustomerListsQuery::Build(const CustomerParties& parties) const {
  Texts texts;
  for (std::size_t index = 0; index < lists_.size(); ++index) {
    texts.apart.push_back(SelectApart(*lists_[index], parties));
    if (index > 0) texts.united += " UNION ALL ";
    texts.united += SelectUnitedBranch(lists_, layout_, index, parties);
  }
  // The typed NULLs name the schema's types; the united statement is PostgreSQL's.
  sdk::Result<std::string> expanded =
      schema::ExpandTokens(texts.united, *schema::FindSchemaDialect(odbc::Dialect::kPostgres));
  if (expanded.ok()) {
    texts.united = std::move(*expanded);
  } else {
    texts.problem = expanded.status();
  }
  return texts;
}

sdk::Result<std::vector<odbc::RowSet>> CustomerListsQuery::Read(odbc::Connection& connection,
                                                                const CustomerParties& parties) const {
  const Texts& texts = texts_[parties.has_merged ? 1 : 0];
  if (connection.dialect() == odbc::Dialect::kPostgres) {
    if (!texts.problem.ok()) return texts.problem;
    return ReadUnited(connection, texts.united, parties);
  }
  return ReadEach(connection, parties);
}

sdk::Result<std::vector<odbc::RowSet>> CustomerListsQuery::ReadEach(odbc::Connection& connection,
                                                                    const CustomerParties& parties) const {
  const Texts& texts = texts_[parties.has_merged ? 1 : 0];
  std::vector<odbc::RowSet> sets;
  const std::vector<Value> params = parties.Params();
  for (const std::string& sql : texts.apart) {
    sdk::Result<odbc::RowSet> rows = odbc::QueryCached(connection, sql, params);
    if (!rows.ok()) return rows.status();
    sets.push_back(std::move(*rows));
  }
  return sets;
}

sdk::Result<std::vector<odbc::RowSet>> CustomerListsQuery::ReadUnited(odbc::Connection& connection,
                                                                      const std::string& sql,
                                                                      const CustomerParties& parties) const {
  std::vector<Value> params;
  for (std::size_t list = 0; list < lists_.size(); ++list) {
    for (Value& param : parties.Params()) params.push_back(std::move(param));
  }
  sdk::Result<odbc::RowSet> united = odbc::QueryCached(connection, sql, params);
  if (!united.ok()) return united.status();
  // Column 0 is the list, 1 its rank in the list, then the shared columns.
  std::vector<odbc::RowSet> sets(lists_.size());
  for (std::size_t list = 0; list < lists_.size(); ++list) {
    for (std::size_t c = 0; c < lists_[list]->columns.size(); ++c) {
      odbc::ColumnInfo info = united->columns[kFirstSlot + layout_.places[list][c]];
      info.name = std::string(lists_[list]->columns[c].name);
      sets[list].columns.push_back(std::move(info));
    }
  }
  std::vector<std::vector<std::pair<std::int64_t, odbc::Row>>> ranked(lists_.size());
  for (odbc::Row& row : united->rows) {
    const auto list = static_cast<std::size_t>(row[0].integer());
    odbc::Row values;
    for (std::size_t place : layout_.places[list]) values.push_back(std::move(row[kFirstSlot + place]));
    ranked[list].emplace_back(row[1].integer(), std::move(values));
  }
  // Each branch's rows come ranked; the union's order is not promised, so they are put in rank order here
  // (cheaper than a sort in the server over the whole union).
  for (std::size_t list = 0; list < lists_.size(); ++list) {
    std::sort(ranked[list].begin(), ranked[list].end(),
              [](const auto& left, const auto& right) { return left.first < right.first; });
    for (auto& [rank, values] : ranked[list]) sets[list].rows.push_back(std::move(values));
  }
  return sets;
}

}  // namespace hub::service
