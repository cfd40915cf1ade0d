#include "hub/odbc/connection_string.hpp"

#include <algorithm>
#include <cctype>
#include <vector>

namespace hub::odbc {
namespace {

// One "key=value" attribute: where its key and its raw value (braces included) sit in the string.
struct Attribute {
  std::string_view key;
  std::size_t value_begin = 0;
  std::size_t value_end = 0;
};

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](unsigned char x, unsigned char y) {
           return std::tolower(x) == std::tolower(y);
         });
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

// The end of a value starting at `pos`: a braced value ends after its closing brace ("}}" escapes one),
// a plain one at the next ';'.
std::size_t ValueEnd(std::string_view text, std::size_t pos) {
  std::size_t start = pos;
  while (start < text.size() && text[start] == ' ') ++start;
  if (start < text.size() && text[start] == '{') {
    for (std::size_t i = start + 1; i < text.size(); ++i) {
      if (text[i] != '}') continue;
      if (i + 1 < text.size() && text[i + 1] == '}') {
        ++i;
        continue;
      }
      return i + 1;
    }
    return text.size();
  }
  const std::size_t semicolon = text.find(';', pos);
  return semicolon == std::string_view::npos ? text.size() : semicolon;
}

std::vector<Attribute> Parse(std::string_view text) {
  std::vector<Attribute> attributes;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t equals = text.find('=', pos);
    const std::size_t semicolon = text.find(';', pos);
    if (equals == std::string_view::npos || (semicolon != std::string_view::npos && semicolon < equals)) {
      if (semicolon == std::string_view::npos) break;
      pos = semicolon + 1;  // a fragment without '=': skipped
      continue;
    }
    const std::size_t end = ValueEnd(text, equals + 1);
    attributes.push_back({Trim(text.substr(pos, equals - pos)), equals + 1, end});
    pos = text.find(';', end);
    if (pos == std::string_view::npos) break;
    ++pos;
  }
  return attributes;
}

const Attribute* Find(const std::vector<Attribute>& attributes, std::string_view key) {
  for (const Attribute& attribute : attributes) {
    if (EqualsIgnoreCase(attribute.key, key)) return &attribute;
  }
  return nullptr;
}

std::string Unbrace(std::string_view raw) {
  raw = Trim(raw);
  if (raw.size() < 2 || raw.front() != '{' || raw.back() != '}') return std::string(raw);
  std::string value;
  raw = raw.substr(1, raw.size() - 2);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    value += raw[i];
    if (raw[i] == '}' && i + 1 < raw.size() && raw[i + 1] == '}') ++i;
  }
  return value;
}

std::string Brace(std::string_view value) {
  if (value.find_first_of(";{}") == std::string_view::npos) return std::string(value);
  std::string braced = "{";
  for (char c : value) {
    braced += c;
    if (c == '}') braced += '}';
  }
  return braced + "}";
}

bool IsSecretKey(std::string_view key) { return EqualsIgnoreCase(key, "pwd") || EqualsIgnoreCase(key, "password"); }

}  // namespace

std::string MaskSecrets(std::string_view connection_string) {
  std::string masked;
  std::size_t copied = 0;
  for (const Attribute& attribute : Parse(connection_string)) {
    if (!IsSecretKey(attribute.key)) continue;
    masked.append(connection_string.substr(copied, attribute.value_begin - copied)).append("***");
    copied = attribute.value_end;
  }
  return masked.append(connection_string.substr(copied));
}

std::optional<std::string> FindAttribute(std::string_view connection_string, std::string_view key) {
  const std::vector<Attribute> attributes = Parse(connection_string);
  const Attribute* attribute = Find(attributes, key);
  if (attribute == nullptr) return std::nullopt;
  return Unbrace(connection_string.substr(attribute->value_begin, attribute->value_end - attribute->value_begin));
}

std::string SetAttribute(std::string_view connection_string, std::string_view key, std::string_view value) {
  const std::vector<Attribute> attributes = Parse(connection_string);
  const Attribute* attribute = Find(attributes, key);
  std::string result;
  if (attribute != nullptr) {
    result.append(connection_string.substr(0, attribute->value_begin)).append(Brace(value));
    return result.append(connection_string.substr(attribute->value_end));
  }
  result.append(connection_string);
  if (!result.empty() && result.back() != ';') result += ';';
  return result.append(key).append("=").append(Brace(value)).append(";");
}

bool IsSqliteConnectionString(std::string_view connection_string) {
  for (std::string_view key : {"driver", "dsn"}) {
    std::optional<std::string> name = FindAttribute(connection_string, key);
    if (!name) continue;
    std::transform(name->begin(), name->end(), name->begin(), [](unsigned char c) { return std::tolower(c); });
    if (name->find("sqlite") != std::string::npos) return true;
  }
  return false;
}

std::string ResolveSqlitePath(std::string_view connection_string, const std::filesystem::path& base_dir) {
  if (!IsSqliteConnectionString(connection_string)) return std::string(connection_string);
  const std::optional<std::string> database = FindAttribute(connection_string, "database");
  if (!database || database->empty() || *database == ":memory:") return std::string(connection_string);
  const std::filesystem::path path(*database);
  if (path.is_absolute()) return std::string(connection_string);
  return SetAttribute(connection_string, "Database", (base_dir / path).lexically_normal().string());
}

}  // namespace hub::odbc
