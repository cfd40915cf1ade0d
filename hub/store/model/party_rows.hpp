// The rows a mapped `party` record writes, table by table: built once here so that the per-record path
// (PartyWriter) and the bulk path (BulkPartyWriter) store exactly the same columns and normalizations.
#ifndef HUB_STORE_MODEL_PARTY_ROWS_HPP_
#define HUB_STORE_MODEL_PARTY_ROWS_HPP_

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "model/mapped_record.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {

// The tables a party record writes, in foreign-key order (a table only refers to tables before it).
enum class PartyTable : std::size_t {
  kParties,
  kSourceLinks,
  kIdentifiers,
  kPhones,
  kEmails,
  kWebsites,
  kAddresses,
  kDataQuality,
  kEvents,
};
inline constexpr std::size_t kPartyTableCount = 9;

// The table's name, columns (without `id`, which the database assigns unless a writer gives it) and
// conflict clause, as one BatchSpec. Threads: safe (constant data).
const odbc::BatchSpec& PartyTableSpec(PartyTable table);

// "INSERT INTO <table> (<columns>) VALUES (?, ...) <conflict clause>": one row of the table's spec.
const std::string& SingleRowInsertSql(PartyTable table);

// One row for one table, its values in the order of the table spec's columns.
struct PartyRow {
  PartyTable table;
  std::vector<sdk::Value> values;
};

// The parties row of `record` (kParties' columns): catalog fields, status (its declared default when null), the
// normalized name, and the owner's employee id as resolved by the caller (References::IdValueOf).
std::vector<sdk::Value> PartyValues(const model::MappedRecord& record, const sdk::Value& owner_employee_id);

// PartyValues for a row another source's record stands for too: a null status is left null (the statement
// keeps what is stored), not replaced by its default.
std::vector<sdk::Value> PartyMergeValues(const model::MappedRecord& record, const sdk::Value& owner_employee_id);

// The source_links row tying `record` to `party_id`, with the record's content hash and the party record of
// another system it names as the same customer (SameAsValues).
std::vector<sdk::Value> SourceLinkValues(const model::MappedRecord& record, std::int64_t party_id,
                                         const std::string& content_hash);

// The link's same_as_system and same_as_source_id for `record` (party_same_as.hpp): both null when it names
// no other record.
std::vector<sdk::Value> SameAsValues(const model::MappedRecord& record);

// The tables ChannelRows writes, which a source link's update replaces (its rows there deleted first).
std::span<const std::string_view> ChannelTables();

// The identifiers, phones, e-mail, web site and address rows of `record`, tagged with its source link,
// in the order the per-record path writes them (identifiers repeat-safe through the spec's conflict clause),
// and a data_quality row for each value without a normal form (data_quality.hpp): an identifier its
// scheme's check refuses (not stored as an identifier), a phone number ParsePhone refuses (stored with its
// raw text and no e164). A phone's kind is the number's own type where it tells (mobile or landline), else
// the field's (phone: landline, mobile: mobile; fax always fax); its extension is kept.
std::vector<PartyRow> ChannelRows(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id);

// The outbox_events row of a change of kind `kind` ("party.created", ...) to `party_id`.
std::vector<sdk::Value> EventValues(std::int64_t party_id, std::string_view kind, const model::MappedRecord& record);

// Rows of several records bucketed by table (indexed by PartyTable), each row's values in the order of
// NewPartySpec(table)'s columns.
using PartyTableRows = std::array<std::vector<std::vector<sdk::Value>>, kPartyTableCount>;

// How the bulk path inserts `table`: PartyTableSpec, with a leading explicit `id` column for parties and
// source_links (their ids are reserved up front, see id_allocator.hpp; other rows are referred to by
// nothing and take the database's ids).
odbc::BatchSpec NewPartySpec(PartyTable table);

// Appends to `rows` everything a new party record writes: its party row (id `party_id`), its source link
// (id `link_id`, with `content_hash`), its channels and a "party.created" event — exactly what the
// per-record path writes for a record without a link. `owner_employee_id` as for PartyValues.
void AppendNewPartyRows(const model::MappedRecord& record, std::int64_t party_id, std::int64_t link_id,
                        const std::string& content_hash, const sdk::Value& owner_employee_id, PartyTableRows& rows);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_ROWS_HPP_
