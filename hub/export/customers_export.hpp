// The customers export's query: one row per golden party with its main identifiers and channels, and its
// data-quality flags, which WriteWithQualityColumn folds into one `quality` column.
#ifndef HUB_EXPORT_CUSTOMERS_EXPORT_HPP_
#define HUB_EXPORT_CUSTOMERS_EXPORT_HPP_

#include <string_view>

namespace hub::exporting {

// The query WriteWithQualityColumn folds: a row per golden party and flag (one with null flag columns for a party
// without flags), ordered by party. A value without a normal form shows as written: `phone` is the first
// E.164 number, else the raw text of the first number; `uscc` the first valid code, else the first
// flagged one. Portable across the shipped dialects. Correlated sub-queries keep the channels one value
// per party on every dialect; the join adds a row per flag, which WriteWithQualityColumn folds. A golden record a
// match run made shows its surviving values (golden_lineage) in name, name_latin, country, industry, grade and
// tier; its identifiers, channels and flags are its own party's.
inline constexpr std::string_view kCustomersSql = R"(
SELECT p.id AS customer_id, p.kind,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'name'), p.name) AS name,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'name_latin'), p.name_latin) AS name_latin,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'country'), p.country) AS country,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'industry'), p.industry) AS industry,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'grade'), p.grade) AS grade,
  COALESCE((SELECT g.value FROM golden_lineage g WHERE g.golden_party_id = p.id AND g.field = 'tier'), p.tier) AS tier,
  p.status,
  COALESCE(
    (SELECT i.value FROM party_identifiers i WHERE i.party_id = p.id AND i.scheme = 'uscc' ORDER BY i.id LIMIT 1),
    (SELECT q.value FROM data_quality q WHERE q.party_id = p.id AND q.field = 'uscc' ORDER BY q.id LIMIT 1)) AS uscc,
  (SELECT i.value FROM party_identifiers i WHERE i.party_id = p.id AND i.scheme = 'tax_number' ORDER BY i.id LIMIT 1)
    AS tax_number,
  COALESCE(
    (SELECT ph.e164 FROM phones ph WHERE ph.party_id = p.id AND ph.e164 IS NOT NULL ORDER BY ph.id LIMIT 1),
    (SELECT ph.raw FROM phones ph WHERE ph.party_id = p.id ORDER BY ph.id LIMIT 1)) AS phone,
  (SELECT e.address_normalized FROM emails e WHERE e.party_id = p.id ORDER BY e.id LIMIT 1) AS email,
  (SELECT w.host FROM websites w WHERE w.party_id = p.id ORDER BY w.id LIMIT 1) AS website,
  (SELECT a.city FROM addresses a WHERE a.party_id = p.id ORDER BY a.id LIMIT 1) AS city,
  (SELECT COUNT(*) FROM source_links s WHERE s.party_id = p.id AND s.deleted_at IS NULL) AS source_records,
  p.created_at, p.updated_at,
  d.field AS flag_field, d.problem AS flag_problem, d.value AS flag_value
FROM parties p LEFT JOIN data_quality d ON d.party_id = p.id
WHERE p.golden_party_id IS NULL
ORDER BY p.id, d.id)";

}  // namespace hub::exporting

#endif  // HUB_EXPORT_CUSTOMERS_EXPORT_HPP_
