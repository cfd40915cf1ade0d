// The lists of a customer's records that GET /api/v1/customers answers (its phones, open leads, open orders,
// invoices ...), read for the customer's parties in as few round trips as the engine needs: on PostgreSQL all
// of a view's lists in one statement, on SQLite (in the process, no round trip) one statement per list
// (private to the customer routes: customer_record.cpp, customer_accounts.cpp).
#ifndef HUB_SERVICE_CUSTOMER_LISTS_HPP_
#define HUB_SERVICE_CUSTOMER_LISTS_HPP_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::service {

// The customer's parties, the golden one and those merged into it, as SQL for "party_id IN <Sql()>" with its
// Params(). Without merged parties it is the golden id alone, "(?)", which both engines read as an equality
// (SQLite would otherwise build a temporary b-tree for the IN list in every statement); with them, a union, so
// that both engines read ix_parties_golden instead of scanning every party (an OR of id and golden_party_id
// makes SQLite scan the whole index).
struct CustomerParties {
  std::int64_t golden_id = 0;
  bool has_merged = false;  // whether any party is merged into the golden one

  std::string_view Sql() const;
  std::vector<sdk::Value> Params() const;
};

// "AND <the row `table`.id of `entity` is one its sources still have>": false only when every source link of
// the row is deleted (a sweep saw it gone), so that what a source deleted drops out of the customer's lists.
std::string StillInItsSource(std::string_view entity, std::string_view table);

// One column a list answers: its name in the answer, its SQL type as the schema writes it (a type name or a
// schema token: "TEXT", "BIGINT", "{{timestamp}}", "{{money}}" ..., hub/store/schema/sql_dialect.hpp) — exactly
// the type of the column it reads, so that a list read in one statement with others answers the same values —
// and the expression it reads, when that is not the name itself ("c.id" answered as contact_id).
struct ListColumn {
  std::string_view name;
  std::string_view type;
  std::string_view expression = {};
};

// One list: its key in the customer object, its columns, "FROM ... WHERE <conditions> AND party_id IN"
// (`from`, ending where the customer's parties go; any column naming the customer instead of party_id), the
// entity and table whose rows drop out once every source link of theirs is deleted (StillInItsSource; empty
// for a list of records no source deletes), its order ("ORDER BY ...", which the rows keep) and its limit
// ("LIMIT 5", or empty). A constant.
struct CustomerList {
  std::string_view key;
  std::span<const ListColumn> columns;
  std::string_view from;
  std::string_view order;
  std::string_view limit = {};
  std::string_view entity = {};
  std::string_view table = {};
};

// Where the lists' columns stand in the one statement that reads them all: columns shared by type (a list's
// k-th column of a type in that type's k-th shared column), so that the statement is as narrow as its widest
// list of each type, not as wide as all lists together.
struct UnitedLayout {
  std::vector<std::string_view> slot_types;      // the shared columns' types
  std::vector<std::vector<std::size_t>> places;  // per list, per column: its shared column

  static UnitedLayout Of(const std::vector<const CustomerList*>& lists);
};

// The statements that read a fixed set of lists, built once (the SQL texts stay prepared on each connection
// that ran them, odbc::QueryCached). Thread-safe after construction: Read only reads the texts.
class CustomerListsQuery {
 public:
  // `lists` must outlive the query (constants). Errors: none; a type token the schema does not know is
  // reported by Read.
  explicit CustomerListsQuery(std::vector<const CustomerList*> lists);

  // The rows of each list for `parties`, a RowSet per list in the constructor's order, its columns named and
  // typed as the list declares them, its rows in the list's order. On PostgreSQL one statement: the lists'
  // SELECTs in a UNION ALL over the columns of UnitedLayout (typed NULLs where a list has none), each row
  // ranked in its list's order and put in that order here. Threads: as the connection. Errors: the driver's Status.
  sdk::Result<std::vector<odbc::RowSet>> Read(odbc::Connection& connection, const CustomerParties& parties) const;

  // What Read answers, read with a statement per list on any engine (as Read does off PostgreSQL).
  // Threads: as the connection. Errors: the driver's Status.
  sdk::Result<std::vector<odbc::RowSet>> ReadEach(odbc::Connection& connection, const CustomerParties& parties) const;

  // The list `index` of the constructor's.
  const CustomerList& list(std::size_t index) const { return *lists_[index]; }

 private:
  // The SQL of the lists for customers without ([0]) and with ([1]) merged parties.
  struct Texts {
    std::string united;              // PostgreSQL: every list in one statement
    std::vector<std::string> apart;  // other engines: a statement per list
    sdk::Status problem;             // a type token of `united` the schema does not know
  };
  Texts Build(const CustomerParties& parties) const;
  sdk::Result<std::vector<odbc::RowSet>> ReadUnited(odbc::Connection& connection, const std::string& sql,
                                                    const CustomerParties& parties) const;

  std::vector<const CustomerList*> lists_;
  UnitedLayout layout_;
  Texts texts_[2];
};

}  // namespace hub::service

#endif  // HUB_SERVICE_CUSTOMER_LISTS_HPP_
