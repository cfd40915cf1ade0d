#include "store/model/event_documents.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "common/value_json.hpp"

namespace hub::store_model {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;
using sdk::Value;

object RowObject(const odbc::RowSet& rows, const odbc::Row& row) {
  object result;
  for (std::size_t c = 0; c < row.size(); ++c) result[rows.columns[c].name] = ValueToJson(row[c]);
  return result;
}

sdk::Result<array> Rows(odbc::Connection& connection, const std::string& sql, std::int64_t id) {
  sdk::Result<odbc::RowSet> rows = connection.Query(sql, {Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  array result;
  for (const odbc::Row& row : rows->rows) result.push_back(RowObject(*rows, row));
  return result;
}

// The row of `table` with `id`, or nullopt.
sdk::Result<std::optional<object>> Row(odbc::Connection& connection, std::string_view table, std::int64_t id) {
  sdk::Result<array> rows = Rows(connection, "SELECT * FROM " + std::string(table) + " WHERE id = ?", id);
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<object>();
  return std::optional<object>(std::move(rows->front().as_object()));
}

// The id in member `key` of `row` (a number, or its text), nullopt when null or absent.
std::optional<std::int64_t> IdIn(const object& row, std::string_view key) {
  const value* id = row.if_contains(key);
  if (id == nullptr || id->is_null()) return std::nullopt;
  if (id->is_int64()) return id->as_int64();
  if (id->is_uint64()) return static_cast<std::int64_t>(id->as_uint64());
  if (id->is_string()) return std::stoll(std::string(id->as_string()));
  return std::nullopt;
}

sdk::Result<array> SourceLinksOf(odbc::Connection& connection, std::string_view entity, std::int64_t id) {
  sdk::Result<odbc::RowSet> rows = connection.Query(
      "SELECT source_system, source_id, first_seen_at, last_seen_at, deleted_at FROM source_links "
      "WHERE entity = ? AND record_id = ? ORDER BY id",
      {Value::String(std::string(entity)), Value::Int64(id)});
  if (!rows.ok()) return rows.status();
  array links;
  for (const odbc::Row& row : rows->rows) links.push_back(RowObject(*rows, row));
  return links;
}

// What a party's document holds beside its row: the key and the query (the party's id its parameter).
struct PartyList {
  std::string_view key;
  std::string_view sql;
};
constexpr PartyList kPartyLists[] = {
    {"identifiers",
     "SELECT scheme, value, value_normalized, country FROM party_identifiers WHERE party_id = ? ORDER BY id"},
    {"addresses",
     "SELECT kind, line1, line2, district, city, province, postal_code, country, is_primary FROM addresses "
     "WHERE party_id = ? ORDER BY is_primary DESC, id"},
    {"phones", "SELECT kind, raw, e164, extension, is_primary FROM phones WHERE party_id = ? ORDER BY id"},
    {"emails", "SELECT kind, address, is_primary FROM emails WHERE party_id = ? ORDER BY id"},
};

sdk::Result<value> Party(odbc::Connection& connection, std::int64_t id) {
  sdk::Result<std::optional<object>> party = Row(connection, "parties", id);
  if (!party.ok()) return party.status();
  if (!*party) return value(nullptr);
  for (const PartyList& list : kPartyLists) {
    sdk::Result<array> rows = Rows(connection, std::string(list.sql), id);
    if (!rows.ok()) return rows.status();
    (**party)[list.key] = std::move(*rows);
  }
  sdk::Result<array> links = SourceLinksOf(connection, "party", id);
  if (!links.ok()) return links.status();
  (**party)["source_links"] = std::move(*links);
  return value(std::move(**party));
}

// Adds the party the row's party_id names ("party": null when it names none).
sdk::Status AddParty(odbc::Connection& connection, object& document) {
  if (!document.contains("party_id")) return sdk::Status::Ok();
  std::optional<std::int64_t> id = IdIn(document, "party_id");
  if (!id) {
    document["party"] = nullptr;
    return sdk::Status::Ok();
  }
  sdk::Result<value> party = Party(connection, *id);
  if (!party.ok()) return party.status();
  document["party"] = std::move(*party);
  return sdk::Status::Ok();
}

sdk::Status AddSourceLinks(odbc::Connection& connection, std::string_view entity, std::int64_t id, object& document) {
  sdk::Result<array> links = SourceLinksOf(connection, entity, id);
  if (!links.ok()) return links.status();
  document["source_links"] = std::move(*links);
  return sdk::Status::Ok();
}

// An order with its partners (each with the party it names), party and source links, and its lines when
// `with_lines`.
sdk::Result<value> OrderDocument(odbc::Connection& connection, std::int64_t id, bool with_lines) {
  sdk::Result<std::optional<object>> order = Row(connection, "orders", id);
  if (!order.ok()) return order.status();
  if (!*order) return value(nullptr);
  if (with_lines) {
    sdk::Result<array> lines =
        Rows(connection, "SELECT * FROM order_lines WHERE order_id = ? ORDER BY line_no, id", id);
    if (!lines.ok()) return lines.status();
    (**order)["lines"] = std::move(*lines);
  }
  sdk::Result<array> partners = Rows(connection, "SELECT * FROM order_partners WHERE order_id = ? ORDER BY id", id);
  if (!partners.ok()) return partners.status();
  for (value& partner : *partners) HUB_RETURN_IF_ERROR(AddParty(connection, partner.as_object()));
  (**order)["partners"] = std::move(*partners);
  HUB_RETURN_IF_ERROR(AddParty(connection, **order));
  HUB_RETURN_IF_ERROR(AddSourceLinks(connection, "order", id, **order));
  return value(std::move(**order));
}

sdk::Result<value> Order(odbc::Connection& connection, std::int64_t id) { return OrderDocument(connection, id, true); }

// Adds the order the row's order_id names, without its lines ("order": null when it names none).
sdk::Status AddOrder(odbc::Connection& connection, object& document) {
  std::optional<std::int64_t> id = IdIn(document, "order_id");
  if (!id) {
    document["order"] = nullptr;
    return sdk::Status::Ok();
  }
  sdk::Result<value> order = OrderDocument(connection, *id, false);
  if (!order.ok()) return order.status();
  document["order"] = std::move(*order);
  return sdk::Status::Ok();
}

// A delivery's lines, each with the order line it delivers ("order_line").
sdk::Result<array> DeliveryLines(odbc::Connection& connection, std::int64_t id) {
  sdk::Result<array> lines = Rows(connection, "SELECT * FROM delivery_lines WHERE delivery_id = ? ORDER BY id", id);
  if (!lines.ok()) return lines.status();
  sdk::Result<array> ordered = Rows(connection,
                                    "SELECT ol.* FROM order_lines ol WHERE ol.id IN "
                                    "(SELECT order_line_id FROM delivery_lines WHERE delivery_id = ?)",
                                    id);
  if (!ordered.ok()) return ordered.status();
  std::map<std::int64_t, value> by_id;
  for (value& line : *ordered) {
    if (std::optional<std::int64_t> line_id = IdIn(line.as_object(), "id")) by_id[*line_id] = std::move(line);
  }
  for (value& line : *lines) {
    std::optional<std::int64_t> line_id = IdIn(line.as_object(), "order_line_id");
    auto found = line_id ? by_id.find(*line_id) : by_id.end();
    line.as_object()["order_line"] = found != by_id.end() ? found->second : value(nullptr);
  }
  // In the order's line order: a delivery line lists what it ships of one order line.
  std::stable_sort(lines->begin(), lines->end(), [](const value& a, const value& b) {
    const value& left = a.as_object().at("order_line");
    const value& right = b.as_object().at("order_line");
    if (left.is_null() || right.is_null()) return !left.is_null() && right.is_null();
    return IdIn(left.as_object(), "line_no").value_or(0) < IdIn(right.as_object(), "line_no").value_or(0);
  });
  return lines;
}

sdk::Result<value> Delivery(odbc::Connection& connection, std::int64_t id) {
  sdk::Result<std::optional<object>> delivery = Row(connection, "deliveries", id);
  if (!delivery.ok()) return delivery.status();
  if (!*delivery) return value(nullptr);
  sdk::Result<array> lines = DeliveryLines(connection, id);
  if (!lines.ok()) return lines.status();
  (**delivery)["lines"] = std::move(*lines);
  value address = nullptr;
  if (std::optional<std::int64_t> address_id = IdIn(**delivery, "address_id")) {
    sdk::Result<std::optional<object>> row = Row(connection, "addresses", *address_id);
    if (!row.ok()) return row.status();
    if (*row) address = std::move(**row);
  }
  (**delivery)["address"] = std::move(address);
  HUB_RETURN_IF_ERROR(AddOrder(connection, **delivery));
  HUB_RETURN_IF_ERROR(AddParty(connection, **delivery));
  HUB_RETURN_IF_ERROR(AddSourceLinks(connection, "delivery", id, **delivery));
  return value(std::move(**delivery));
}

sdk::Result<value> Invoice(odbc::Connection& connection, std::int64_t id) {
  sdk::Result<std::optional<object>> invoice = Row(connection, "invoices", id);
  if (!invoice.ok()) return invoice.status();
  if (!*invoice) return value(nullptr);
  sdk::Result<array> lines =
      Rows(connection, "SELECT * FROM invoice_lines WHERE invoice_id = ? ORDER BY line_no, id", id);
  if (!lines.ok()) return lines.status();
  (**invoice)["lines"] = std::move(*lines);
  HUB_RETURN_IF_ERROR(AddParty(connection, **invoice));
  HUB_RETURN_IF_ERROR(AddOrder(connection, **invoice));
  HUB_RETURN_IF_ERROR(AddSourceLinks(connection, "invoice", id, **invoice));
  return value(std::move(**invoice));
}

// Adds the employee the row's `column` names as `key` (its row; null when it names none or is gone).
sdk::Status AddEmployee(odbc::Connection& connection, object& document, std::string_view column, std::string_view key) {
  value employee = nullptr;
  if (std::optional<std::int64_t> id = IdIn(document, column)) {
    sdk::Result<std::optional<object>> row = Row(connection, "employees", *id);
    if (!row.ok()) return row.status();
    if (*row) employee = std::move(**row);
  }
  document[key] = std::move(employee);
  return sdk::Status::Ok();
}

// A row of `table` with the employee its `employee_column` names (as `employee_key`), its party and its
// source links: what a notification about it needs (whom to tell, about which customer).
sdk::Result<value> AssignedDocument(odbc::Connection& connection, std::string_view entity, std::string_view table,
                                    std::int64_t id, std::string_view employee_column, std::string_view employee_key) {
  sdk::Result<std::optional<object>> row = Row(connection, table, id);
  if (!row.ok()) return row.status();
  if (!*row) return value(nullptr);
  HUB_RETURN_IF_ERROR(AddEmployee(connection, **row, employee_column, employee_key));
  HUB_RETURN_IF_ERROR(AddParty(connection, **row));
  HUB_RETURN_IF_ERROR(AddSourceLinks(connection, entity, id, **row));
  return value(std::move(**row));
}

sdk::Result<value> Lead(odbc::Connection& connection, std::int64_t id) {
  return AssignedDocument(connection, "lead", "leads", id, "owner_employee_id", "owner");
}

sdk::Result<value> Task(odbc::Connection& connection, std::int64_t id) {
  return AssignedDocument(connection, "task", "tasks", id, "assignee_employee_id", "assignee");
}

// Adds each employee `payload` names as "<role>_employee_id" whose role the document does not hold yet.
sdk::Status AddPayloadEmployees(odbc::Connection& connection, const object& payload, object& document) {
  constexpr std::string_view kSuffix = "_employee_id";
  for (const auto& member : payload) {
    const std::string_view key = member.key();
    if (key.size() <= kSuffix.size() || !key.ends_with(kSuffix)) continue;
    const std::string_view role = key.substr(0, key.size() - kSuffix.size());
    if (document.contains(role)) continue;
    object named{{key, member.value()}};
    HUB_RETURN_IF_ERROR(AddEmployee(connection, named, key, role));
    document[role] = std::move(named[role]);
  }
  return sdk::Status::Ok();
}

// The entities with a document and how each is read, in name order.
struct DocumentReader {
  std::string_view entity;
  sdk::Result<value> (*read)(odbc::Connection& connection, std::int64_t id);
};
constexpr DocumentReader kReaders[] = {
    {"delivery", Delivery}, {"invoice", Invoice}, {"lead", Lead}, {"order", Order}, {"task", Task}};

const DocumentReader* FindReader(std::string_view entity) {
  for (const DocumentReader& reader : kReaders) {
    if (reader.entity == entity) return &reader;
  }
  return nullptr;
}

}  // namespace

bool HasEventDocument(std::string_view entity) { return FindReader(entity) != nullptr; }

std::vector<std::string> EventDocumentEntities() {
  std::vector<std::string> entities;
  for (const DocumentReader& reader : kReaders) entities.emplace_back(reader.entity);
  return entities;
}

sdk::Result<value> ReadEventDocument(odbc::Connection& connection, std::string_view entity, std::int64_t row_id,
                                     const object& payload) {
  const DocumentReader* reader = FindReader(entity);
  if (reader == nullptr) {
    return sdk::Status::InvalidArgument("entity '" + std::string(entity) + "' has no event document");
  }
  sdk::Result<value> document = reader->read(connection, row_id);
  sdk::Status status = document.status();
  if (status.ok() && document->is_object()) status = AddPayloadEmployees(connection, payload, document->as_object());
  if (!status.ok()) {
    return status.WithContext("reading the document of " + std::string(entity) + " " + std::to_string(row_id));
  }
  return document;
}

}  // namespace hub::store_model
