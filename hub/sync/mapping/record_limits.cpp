#include "sync/mapping/record_limits.hpp"

namespace hub::sync::mapping {

bool IsIndexedKey(const model::EntitySpec& entity, const model::FieldSpec& field) {
  return !field.references.empty() || (!entity.natural_key.empty() && field.name == entity.natural_key);
}

std::optional<std::string> KeyTooLong(std::string_view what, std::string_view key) {
  if (key.size() <= kMaxKeyBytes) return std::nullopt;
  return std::string(what) + " is " + std::to_string(key.size()) + " bytes long; at most " +
         std::to_string(kMaxKeyBytes) + " are kept";
}

std::optional<std::string> NulByteIn(std::string_view text) {
  const std::size_t at = text.find('\0');
  if (at == std::string_view::npos) return std::nullopt;
  return "holds a NUL byte at byte " + std::to_string(at);
}

}  // namespace hub::sync::mapping
