#include "store/model/party_rows.hpp"

#include <array>
#include <iterator>
#include <optional>
#include <utility>

#include "model/identifier.hpp"
#include "model/normalize.hpp"
#include "model/phone_number.hpp"
#include "store/model/data_quality.hpp"
#include "store/model/party_same_as.hpp"
#include "store/model/record_json.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The party row's columns that come straight from catalog fields of the same name.
constexpr std::array<std::string_view, 13> kPartyColumns = {
    "kind",  "name",           "name_latin", "short_name", "family_name", "given_name", "birth_date",
    "grade", "classification", "industry",   "region",     "country",     "tier"};

// The catalog fields that become party_identifiers rows, with their scheme.
constexpr std::pair<std::string_view, std::string_view> kIdentifierFields[] = {
    {"uscc", "uscc"},
    {"business_registration", "business_registration"},
    {"tax_id", "tax_number"},
    {"vat", "vat"},
    {"duns", "duns"}};

// The catalog fields that become phones rows, with the kind the field stands for. A number's own type wins
// over it where the digits tell (a Chinese mobile given as `phone` is kind mobile); a fax stays a fax.
struct PhoneField {
  std::string_view field;
  std::string_view kind;
  bool kind_by_number;
};
constexpr PhoneField kPhoneFields[] = {{"phone", "landline", true}, {"mobile", "mobile", true}, {"fax", "fax", false}};

constexpr std::string_view kAddressFields[] = {"address_line", "address_line2", "district",
                                               "city",         "province",      "postal_code"};

std::array<odbc::BatchSpec, kPartyTableCount> MakeSpecs() {
  std::vector<std::string> party_columns(kPartyColumns.begin(), kPartyColumns.end());
  party_columns.insert(party_columns.end(), {"status", "name_normalized", "owner_employee_id"});
  return {{
      {"parties", party_columns, "", 0},
      {"source_links",
       {"source_system", "entity", "source_id", "record_id", "party_id", "content_hash", "same_as_system",
        "same_as_source_id"},
       "",
       0},
      // Two sources may give the party the same identifier: the pair is unique per party, so skip repeats.
      {"party_identifiers",
       {"party_id", "source_link_id", "scheme", "value", "value_normalized", "country"},
       "ON CONFLICT (party_id, scheme, value_normalized) DO NOTHING",
       0},
      {"phones", {"party_id", "source_link_id", "kind", "raw", "e164", "extension"}, "", 0},
      {"emails", {"party_id", "source_link_id", "address", "address_normalized"}, "", 0},
      {"websites", {"party_id", "source_link_id", "url", "host"}, "", 0},
      {"addresses",
       {"party_id", "source_link_id", "kind", "line1", "line2", "district", "city", "province", "postal_code",
        "country", "is_primary"},
       "",
       0},
      {"data_quality", std::vector<std::string>(kQualityColumns.begin(), kQualityColumns.end()), "", 0},
      {"outbox_events", {"aggregate", "aggregate_id", "kind", "payload"}, "", 0},
  }};
}

std::string MakeSingleRowInsert(const odbc::BatchSpec& spec) {
  std::string sql = "INSERT INTO " + spec.table + " (";
  std::string markers;
  for (std::size_t i = 0; i < spec.columns.size(); ++i) {
    sql.append(i == 0 ? "" : ", ").append(spec.columns[i]);
    markers.append(i == 0 ? "?" : ", ?");
  }
  sql += ") VALUES (" + markers + ")";
  if (!spec.conflict_clause.empty()) sql += " " + spec.conflict_clause;
  return sql;
}

std::string Text(const model::MappedRecord& record, std::string_view name) {
  const Value* value = record.Find(name);
  return value == nullptr || value->is_null() ? std::string() : value->text();
}

void AddQualityIssue(std::int64_t party_id, std::int64_t link_id, const QualityIssue& issue,
                     std::vector<PartyRow>& rows) {
  rows.push_back({PartyTable::kDataQuality, QualityValues(link_id, Value::Int64(party_id), issue)});
}

// An identifier whose scheme's check refuses it is not stored as one: it is flagged instead.
void AddIdentifiers(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id,
                    std::vector<PartyRow>& rows) {
  std::string country = Text(record, "identifier_country");
  if (country.empty()) country = Text(record, "country");
  for (const auto& [field, scheme] : kIdentifierFields) {
    std::string value = Text(record, field);
    if (value.empty()) continue;
    std::string normalized = model::NormalizeIdentifier(value);
    if (sdk::Status checked = model::CheckIdentifier(scheme, normalized); !checked.ok()) {
      AddQualityIssue(party_id, link_id, IdentifierIssue(field, scheme, value, checked), rows);
      continue;
    }
    rows.push_back(
        {PartyTable::kIdentifiers,
         {Value::Int64(party_id), Value::Int64(link_id), Value::String(std::string(scheme)), Value::String(value),
          Value::String(std::move(normalized)), country.empty() ? Value::Null() : Value::String(country)}});
  }
}

std::string_view KindOf(const PhoneField& field, model::PhoneType type) {
  if (!field.kind_by_number) return field.kind;
  switch (type) {
    case model::PhoneType::kMobile:
      return "mobile";
    case model::PhoneType::kFixedLine:
      return "landline";
    case model::PhoneType::kUnknown:
      break;
  }
  return field.kind;
}

// A number that cannot be read keeps its raw text (e164 null) and is flagged.
void AddPhones(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id,
               std::vector<PartyRow>& rows) {
  const std::string country = Text(record, "country");
  for (const PhoneField& field : kPhoneFields) {
    std::string raw = Text(record, field.field);
    if (raw.empty()) continue;
    sdk::Result<model::PhoneNumber> number = model::ParsePhone(raw, country);
    if (!number.ok()) AddQualityIssue(party_id, link_id, PhoneIssue(field.field, raw, number.status()), rows);
    const std::string_view kind = number.ok() ? KindOf(field, number->type) : field.kind;
    rows.push_back({PartyTable::kPhones,
                    {Value::Int64(party_id), Value::Int64(link_id), Value::String(std::string(kind)),
                     Value::String(raw), number.ok() ? Value::String(number->e164) : Value::Null(),
                     number.ok() && !number->extension.empty() ? Value::String(number->extension) : Value::Null()}});
  }
}

void AddAddress(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id,
                std::vector<PartyRow>& rows) {
  bool any = false;
  for (std::string_view field : kAddressFields) any = any || !Text(record, field).empty();
  if (!any) return;
  std::string kind = Text(record, "address_kind");
  rows.push_back({PartyTable::kAddresses,
                  {Value::Int64(party_id), Value::Int64(link_id),
                   Value::String(kind.empty() ? std::string(record.DeclaredDefault("address_kind")) : kind),
                   record.ValueOrNull("address_line"), record.ValueOrNull("address_line2"),
                   record.ValueOrNull("district"), record.ValueOrNull("city"), record.ValueOrNull("province"),
                   record.ValueOrNull("postal_code"), record.ValueOrNull("country"), Value::Bool(true)}});
}

// `values` behind a leading explicit id.
std::vector<Value> WithId(std::int64_t id, std::vector<Value> values) {
  std::vector<Value> row;
  row.reserve(values.size() + 1);
  row.push_back(Value::Int64(id));
  std::move(values.begin(), values.end(), std::back_inserter(row));
  return row;
}

}  // namespace

const odbc::BatchSpec& PartyTableSpec(PartyTable table) {
  static const std::array<odbc::BatchSpec, kPartyTableCount> specs = MakeSpecs();
  return specs[static_cast<std::size_t>(table)];
}

const std::string& SingleRowInsertSql(PartyTable table) {
  static const std::array<std::string, kPartyTableCount> sql = [] {
    std::array<std::string, kPartyTableCount> built;
    for (std::size_t i = 0; i < kPartyTableCount; ++i) built[i] = MakeSingleRowInsert(PartyTableSpec(PartyTable{i}));
    return built;
  }();
  return sql[static_cast<std::size_t>(table)];
}

std::vector<Value> PartyValues(const model::MappedRecord& record, const Value& owner_employee_id) {
  std::vector<Value> values;
  values.reserve(kPartyColumns.size() + 3);
  for (std::string_view column : kPartyColumns) values.push_back(record.ValueOrNull(column));
  const Value* status = record.Find("status");
  values.push_back(status == nullptr || status->is_null() ? Value::String(std::string(record.DeclaredDefault("status")))
                                                          : *status);
  values.push_back(Value::String(model::NormalizeName(Text(record, "name"))));
  values.push_back(owner_employee_id);
  return values;
}

std::vector<Value> PartyMergeValues(const model::MappedRecord& record, const Value& owner_employee_id) {
  std::vector<Value> values = PartyValues(record, owner_employee_id);
  values[kPartyColumns.size()] = record.ValueOrNull("status");  // no default: a null keeps what is stored
  return values;
}

std::vector<Value> SourceLinkValues(const model::MappedRecord& record, std::int64_t party_id,
                                    const std::string& content_hash) {
  std::vector<Value> values = {Value::String(record.source_system),
                               Value::String(std::string(record.entity->name)),
                               Value::String(record.source_id),
                               Value::Int64(party_id),
                               Value::Int64(party_id),
                               Value::String(content_hash)};
  std::vector<Value> same_as = SameAsValues(record);
  values.insert(values.end(), same_as.begin(), same_as.end());
  return values;
}

std::vector<Value> SameAsValues(const model::MappedRecord& record) {
  std::optional<SameAs> same = SameAsOf(record);
  if (!same) return {Value::Null(), Value::Null()};
  return {Value::String(same->system), Value::String(same->source_id)};
}

std::span<const std::string_view> ChannelTables() {
  static constexpr std::string_view kTables[] = {"party_identifiers", "phones",    "emails",
                                                 "websites",          "addresses", "data_quality"};
  return kTables;
}

std::vector<PartyRow> ChannelRows(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id) {
  std::vector<PartyRow> rows;
  AddIdentifiers(record, party_id, link_id, rows);
  AddPhones(record, party_id, link_id, rows);
  if (std::string email = Text(record, "email"); !email.empty()) {
    rows.push_back({PartyTable::kEmails,
                    {Value::Int64(party_id), Value::Int64(link_id), Value::String(email),
                     Value::String(model::NormalizeEmail(email))}});
  }
  if (std::string website = Text(record, "website"); !website.empty()) {
    rows.push_back({PartyTable::kWebsites,
                    {Value::Int64(party_id), Value::Int64(link_id), Value::String(website),
                     Value::String(model::WebsiteHost(website))}});
  }
  AddAddress(record, party_id, link_id, rows);
  return rows;
}

std::vector<Value> EventValues(std::int64_t party_id, std::string_view kind, const model::MappedRecord& record) {
  return {Value::String(std::string(record.entity->name)), Value::String(std::to_string(party_id)),
          Value::String(std::string(kind)), Value::String(MappedRecordJson(record))};
}

odbc::BatchSpec NewPartySpec(PartyTable table) {
  odbc::BatchSpec spec = PartyTableSpec(table);
  if (table == PartyTable::kParties || table == PartyTable::kSourceLinks)
    spec.columns.insert(spec.columns.begin(), "id");
  return spec;
}

void AppendNewPartyRows(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id,
                        const std::string& content_hash, const Value& owner_employee_id, PartyTableRows& rows) {
  auto add = [&rows](PartyTable table, std::vector<Value> values) {
    rows[static_cast<std::size_t>(table)].push_back(std::move(values));
  };
  add(PartyTable::kParties, WithId(party_id, PartyValues(record, owner_employee_id)));
  add(PartyTable::kSourceLinks, WithId(link_id, SourceLinkValues(record, party_id, content_hash)));
  for (PartyRow& row : ChannelRows(record, party_id, link_id)) add(row.table, std::move(row.values));
  add(PartyTable::kEvents, EventValues(party_id, "party.created", record));
}

}  // namespace hub::store_model
