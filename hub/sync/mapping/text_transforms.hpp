// Private to hub_mapping: the text transforms of a mapped field (trim, case, NFKC, spaces, digits).
#ifndef HUB_SYNC_MAPPING_TEXT_TRANSFORMS_HPP_
#define HUB_SYNC_MAPPING_TEXT_TRANSFORMS_HPP_

#include <string>
#include <string_view>

#include "config/hub_config.hpp"
#include "hub/sdk/status.hpp"

namespace hub::sync::mapping {

// OK when every transform can run (ICU's NFKC data is available); otherwise the reason. Call once before
// ApplyTransform. Thread-safe.
sdk::Status CheckTransformsAvailable();

// Applies `transform` to `text` in place. `text` is UTF-8; ill-formed sequences are left as they are by
// the ASCII-only transforms and replaced with U+FFFD by the Unicode ones. Thread-safe (no shared state).
void ApplyTransform(config::MappingTransform transform, std::string* text);

// Byte length of the white-space character at the start of `text` (ASCII blanks, U+00A0, U+1680,
// U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF), or 0 when it starts with none.
std::size_t LeadingSpaceLength(std::string_view text);

// `text` without white space (as LeadingSpaceLength counts it) at either end.
std::string_view TrimSpaces(std::string_view text);

}  // namespace hub::sync::mapping

#endif  // HUB_SYNC_MAPPING_TEXT_TRANSFORMS_HPP_
