// Records as JSON text: the raw record kept in quarantine, and the payload of change events.
#ifndef HUB_STORE_MODEL_RECORD_JSON_HPP_
#define HUB_STORE_MODEL_RECORD_JSON_HPP_

#include <cstddef>
#include <string>
#include <string_view>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"

namespace hub::store_model {

// `text` as every store accepts it: bytes that are not well-formed UTF-8, and NUL characters (which
// PostgreSQL refuses in TEXT and JSONB), replaced by U+FFFD. Thread-safe.
std::string StorableText(std::string_view text);

// {"entity":..,"source_system":..,"source_id":..,"position":..,"fields":{name: value, ...}}: everything the
// connector gave, so that a quarantined record can be repaired and replayed. Strings pass through
// StorableText. Fields whose JSON does not say their type (decimals, dates and timestamps, written as
// strings) are named in "types":{name: "decimal"|"date"|"timestamp"}; a delete has "operation":"delete".
// Thread-safe.
std::string RawRecordJson(const sdk::Record& record, std::string_view source_system);

// `raw` (RawRecordJson of `record`) as an entry keeps it: itself when it is at most `cap` bytes, else
// {"truncated":true,"length":N,"entity":..,"source_system":..,"source_id":..,"position":..,
// "prefix":"<the first bytes of raw, cut on a UTF-8 boundary>"}, about `cap` bytes. Thread-safe.
std::string CappedRawJson(const std::string& raw, const sdk::Record& record, std::string_view source_system,
                          std::size_t cap);

// The record RawRecordJson wrote, to map and store again: entity, source system and id, position, the
// operation and the fields with their types. Errors: DataError for a truncated or malformed raw record.
// Thread-safe.
sdk::Result<sdk::Record> RecordFromRawJson(std::string_view raw);

// {"source_system":..,"source_id":..,"fields":{name: value, ...}} of a mapped record. Thread-safe.
std::string MappedRecordJson(const model::MappedRecord& record);

// SHA-256 (hex) of the mapped record's entity and fields in a canonical form: equal exactly when a
// re-read record would store the same thing. Thread-safe.
std::string ContentHash(const model::MappedRecord& record);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_RECORD_JSON_HPP_
