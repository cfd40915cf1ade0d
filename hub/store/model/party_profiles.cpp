#include "store/model/party_profiles.hpp"

#include <algorithm>
#include <functional>
#include <unordered_map>

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

// Runs `sql` (its first column a party id) and hands each row to `take` with its party's profile.
sdk::Status ForEachOfParty(odbc::Connection& connection, std::string_view sql,
                           std::unordered_map<std::int64_t, PartyProfile*>& by_id,
                           const std::function<void(PartyProfile&, const odbc::Row&)>& take) {
  auto rows = QueryStoreRows(connection, sql, {});
  if (!rows.ok()) return rows.status();
  for (const odbc::Row& row : *rows) {
    auto found = by_id.find(row[0].integer());
    if (found != by_id.end()) take(*found->second, row);
  }
  return sdk::Status::Ok();
}

sdk::Status ReadChildren(odbc::Connection& connection, std::unordered_map<std::int64_t, PartyProfile*>& by_id) {
  HUB_RETURN_IF_ERROR(ForEachOfParty(
      connection, "SELECT record_id, source_system, source_id FROM source_links WHERE entity = 'party' ORDER BY id",
      by_id, [](PartyProfile& party, const odbc::Row& row) {
        if (!party.source_system.empty()) return;
        party.source_system = TextOf(row[1]);
        party.source_id = TextOf(row[2]);
      }));
  std::unordered_map<std::int64_t, int> scheme_rank;
  HUB_RETURN_IF_ERROR(
      ForEachOfParty(connection, "SELECT party_id, scheme, value_normalized FROM party_identifiers ORDER BY id", by_id,
                     [&scheme_rank](PartyProfile& party, const odbc::Row& row) {
                       const int rank = SchemeRank(TextOf(row[1]));
                       auto [best, fresh] = scheme_rank.try_emplace(party.id, std::size(kOrganizationSchemes));
                       if (rank >= best->second) return;
                       best->second = rank;
                       party.organization_id = TextOf(row[2]);
                     }));
  HUB_RETURN_IF_ERROR(
      ForEachOfParty(connection,
                     "SELECT party_id, line1, COALESCE(district, city), postal_code, province FROM addresses "
                     "ORDER BY party_id, is_primary DESC, id",
                     by_id, [last = std::int64_t{0}](PartyProfile& party, const odbc::Row& row) mutable {
                       if (party.id == last) return;
                       last = party.id;
                       party.street = TextOf(row[1]);
                       party.locality = TextOf(row[2]);
                       party.postcode = TextOf(row[3]);
                       party.province = TextOf(row[4]);
                     }));
  HUB_RETURN_IF_ERROR(
      ForEachOfParty(connection, "SELECT party_id, COALESCE(e164, raw) FROM phones ORDER BY id", by_id,
                     [](PartyProfile& party, const odbc::Row& row) { party.phones.push_back(TextOf(row[1])); }));
  HUB_RETURN_IF_ERROR(ForEachOfParty(connection, "SELECT party_id, address_normalized FROM emails ORDER BY id", by_id,
                                     [](PartyProfile& party, const odbc::Row& row) {
                                       if (party.email.empty()) party.email = TextOf(row[1]);
                                     }));
  return ForEachOfParty(connection, "SELECT party_id, url FROM websites ORDER BY id", by_id,
                        [](PartyProfile& party, const odbc::Row& row) {
                          if (party.website.empty()) party.website = TextOf(row[1]);
                        });
}

}  // namespace

const std::string& PartyProfile::Field(std::string_view name) const {
  const auto* found = std::find(kGoldenFields.begin(), kGoldenFields.end(), name);
  return fields.at(static_cast<std::size_t>(found - kGoldenFields.begin()));
}

sdk::Result<std::vector<PartyProfile>> ReadPartyProfiles(odbc::Connection& connection) {
  auto rows = QueryStoreRows(connection, "SELECT " + PartyColumns() + " FROM parties ORDER BY id", {});
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
  HUB_RETURN_IF_ERROR(ReadChildren(connection, by_id));
  return parties;
}

}  // namespace hub::store_model
