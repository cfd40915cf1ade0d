#include "store/model/party_profiles.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "store/model/id_lists.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

// Identifier schemes that name an organization, most telling first.
constexpr std::string_view kOrganizationSchemes[] = {"uscc", "organization_code", "business_registration",
                                                     "tax_number"};

std::string TextOf(const sdk::Value& value) { return value.is_null() ? std::string() : value.text(); }

std::string PartyColumns() {
  std::string columns = "id, kind, updated_at, golden_party_id";
  for (std::string_view field : kGoldenFields) columns += ", " + std::string(field);
  return columns;
}

int SchemeRank(const std::string& scheme) {
  const auto* found = std::find(std::begin(kOrganizationSchemes), std::end(kOrganizationSchemes), scheme);
  return static_cast<int>(found - std::begin(kOrganizationSchemes));
}

// Which parties a read covers: every one (null `ids`), or those of `ids`.
struct PartyScope {
  const std::vector<std::int64_t>* ids = nullptr;

  // `sql` with "{and}" (which must follow a WHERE) or "{where}" replaced by nothing for every party, else by the
  // condition on `column`; the rows.
  sdk::Result<std::vector<odbc::Row>> Query(odbc::Connection& connection, std::string sql,
                                            std::string_view column) const {
    for (std::string_view marker : {std::string_view("{and}"), std::string_view("{where}")}) {
      const std::size_t at = sql.find(marker);
      if (at == std::string::npos) continue;
      sql.replace(at, marker.size(), ids == nullptr ? "" : marker == "{and}" ? " AND {ids}" : " WHERE {ids}");
    }
    if (ids == nullptr) return QueryStoreRows(connection, sql, {});
    return QueryByIds(connection, sql, column, *ids);
  }
};

// Runs `sql` (its first column a party id, `column` the one the scope filters) and hands each row to `take`
// with its party's profile.
sdk::Status ForEachOfParty(odbc::Connection& connection, const PartyScope& scope, std::string_view sql,
                           std::string_view column, std::unordered_map<std::int64_t, PartyProfile*>& by_id,
                           const std::function<void(PartyProfile&, const odbc::Row&)>& take) {
  auto rows = scope.Query(connection, std::string(sql), column);
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : *rows) {
    auto found = by_id.find(row[0].integer());
    if (found != by_id.end()) take(*found->second, row);
  }
  return sdk::Status::Ok();
}

sdk::Status ReadChildren(odbc::Connection& connection, const PartyScope& scope,
                         std::unordered_map<std::int64_t, PartyProfile*>& by_id) {
  HUB_RETURN_IF_ERROR(ForEachOfParty(
      connection, scope,
      "SELECT record_id, source_system, source_id FROM source_links WHERE entity = 'party'{and} ORDER BY id",
      "record_id", by_id, [](PartyProfile& party, const odbc::Row& row) {
        if (!party.source_system.empty()) return;
        party.source_system = TextOf(row[1]);
        party.source_id = TextOf(row[2]);
      }));
  std::unordered_map<std::int64_t, int> scheme_rank;
  HUB_RETURN_IF_ERROR(ForEachOfParty(
      connection, scope, "SELECT party_id, scheme, value_normalized FROM party_identifiers{where} ORDER BY id",
      "party_id", by_id, [&scheme_rank](PartyProfile& party, const odbc::Row& row) {
        const int rank = SchemeRank(TextOf(row[1]));
        auto [best, fresh] = scheme_rank.try_emplace(party.id, std::size(kOrganizationSchemes));
        if (rank >= best->second) return;
        best->second = rank;
        party.organization_id = TextOf(row[2]);
      }));
  HUB_RETURN_IF_ERROR(
      ForEachOfParty(connection, scope,
                     "SELECT party_id, line1, COALESCE(district, city), postal_code, province FROM addresses{where} "
                     "ORDER BY party_id, is_primary DESC, id",
                     "party_id", by_id, [last = std::int64_t{0}](PartyProfile& party, const odbc::Row& row) mutable {
                       if (party.id == last) return;
                       last = party.id;
                       party.street = TextOf(row[1]);
                       party.locality = TextOf(row[2]);
                       party.postcode = TextOf(row[3]);
                       party.province = TextOf(row[4]);
                     }));
  HUB_RETURN_IF_ERROR(ForEachOfParty(
      connection, scope, "SELECT party_id, COALESCE(e164, raw) FROM phones{where} ORDER BY id", "party_id", by_id,
      [](PartyProfile& party, const odbc::Row& row) { party.phones.push_back(TextOf(row[1])); }));
  HUB_RETURN_IF_ERROR(ForEachOfParty(connection, scope,
                                     "SELECT party_id, address_normalized FROM emails{where} ORDER BY id", "party_id",
                                     by_id, [](PartyProfile& party, const odbc::Row& row) {
                                       if (party.email.empty()) party.email = TextOf(row[1]);
                                     }));
  return ForEachOfParty(connection, scope, "SELECT party_id, url FROM websites{where} ORDER BY id", "party_id", by_id,
                        [](PartyProfile& party, const odbc::Row& row) {
                          if (party.website.empty()) party.website = TextOf(row[1]);
                        });
}

sdk::Result<std::vector<PartyProfile>> ReadProfiles(odbc::Connection& connection, const PartyScope& scope) {
  auto rows = scope.Query(connection, "SELECT " + PartyColumns() + " FROM parties{where} ORDER BY id", "id");
  if (!rows.ok()) return rows.status();
  std::vector<PartyProfile> parties(rows->size());
  std::unordered_map<std::int64_t, PartyProfile*> by_id;
  for (std::size_t i = 0; i < rows->size(); ++i) {
    const odbc::Row& row = (*rows)[i];
    PartyProfile& party = parties[i];
    party.id = row[0].integer();
    party.kind = TextOf(row[1]);
    party.updated_at_ms = row[2].integer();
    if (!row[3].is_null()) party.golden_party_id = row[3].integer();
    for (std::size_t f = 0; f < kGoldenFields.size(); ++f) party.fields[f] = TextOf(row[4 + f]);
    by_id.emplace(party.id, &party);
  }
  HUB_RETURN_IF_ERROR(ReadChildren(connection, scope, by_id));
  return parties;
}

}  // namespace

const std::string& PartyProfile::Field(std::string_view name) const {
  const auto* found = std::find(kGoldenFields.begin(), kGoldenFields.end(), name);
  return fields.at(static_cast<std::size_t>(found - kGoldenFields.begin()));
}

sdk::Result<std::vector<PartyProfile>> ReadPartyProfiles(odbc::Connection& connection) {
  return ReadProfiles(connection, PartyScope{});
}

sdk::Result<std::vector<PartyProfile>> ReadPartyProfiles(odbc::Connection& connection,
                                                         const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return std::vector<PartyProfile>();
  return ReadProfiles(connection, PartyScope{&ids});
}

}  // namespace hub::store_model
