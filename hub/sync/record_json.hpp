// Records as JSON text: the raw record kept in quarantine, and the payload of change events.
#ifndef HUB_SYNC_RECORD_JSON_HPP_
#define HUB_SYNC_RECORD_JSON_HPP_

#include <string>

#include "hub/sdk/record.hpp"
#include "sync/mapping/compiled_mapping.hpp"

namespace hub::sync {

// `text` as every store accepts it: bytes that are not well-formed UTF-8, and NUL characters (which
// PostgreSQL refuses in TEXT and JSONB), replaced by U+FFFD. Thread-safe.
std::string StorableText(std::string_view text);

// {"entity":..,"source_system":..,"source_id":..,"position":..,"fields":{name: value, ...}}: everything the
// connector gave, so that a quarantined record can be repaired and replayed. Strings pass through
// StorableText. Thread-safe.
std::string RawRecordJson(const sdk::Record& record, std::string_view source_system);

// {"source_system":..,"source_id":..,"fields":{name: value, ...}} of a mapped record. Thread-safe.
std::string MappedRecordJson(const mapping::MappedRecord& record);

// SHA-256 (hex) of the mapped record's entity and fields in a canonical form: equal exactly when a
// re-read record would store the same thing. Thread-safe.
std::string ContentHash(const mapping::MappedRecord& record);

}  // namespace hub::sync

#endif  // HUB_SYNC_RECORD_JSON_HPP_
