// What a mapped record may hold for every store to keep it whole: keys short enough for each index that
// holds them, and text without NUL bytes (which ODBC drivers cut the text at).
#ifndef HUB_SYNC_MAPPING_RECORD_LIMITS_HPP_
#define HUB_SYNC_MAPPING_RECORD_LIMITS_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "model/catalog.hpp"
#include "model/mapped_record.hpp"

namespace hub::sync::mapping {

// The most bytes of a key the store indexes a record may carry (model/mapped_record.hpp).
using model::kMaxKeyBytes;

// Whether `field` of `entity` is a key the store indexes: a reference or the entity's natural key.
bool IsIndexedKey(const model::EntitySpec& entity, const model::FieldSpec& field);

// "<what> is N bytes long; at most 512 are kept" when `key` is longer than kMaxKeyBytes, else nullopt.
std::optional<std::string> KeyTooLong(std::string_view what, std::string_view key);

// "holds a NUL byte at byte N" (N counted from 0) when `text` holds one, else nullopt.
std::optional<std::string> NulByteIn(std::string_view text);

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_RECORD_LIMITS_HPP_
