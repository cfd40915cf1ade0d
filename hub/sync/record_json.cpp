#include "sync/record_json.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>

#include "common/value_json.hpp"

namespace hub::sync {
namespace {

// The length of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no overlongs, no
// surrogates, at most U+10FFFF), or 0 when there is none.
std::size_t Utf8SequenceLength(std::string_view text) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  if (lead < 0x80) return 1;
  std::size_t length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0;
  if (length == 0 || lead > 0xF4 || text.size() < length) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
  }
  if ((lead == 0xE0 && byte(1) < 0xA0) || (lead == 0xED && byte(1) > 0x9F) || (lead == 0xF0 && byte(1) < 0x90) ||
      (lead == 0xF4 && byte(1) > 0x8F)) {
    return 0;
  }
  return length;
}

std::string Hex(const unsigned char* bytes, unsigned int length) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(length * 2);
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kHex[bytes[i] >> 4]);
    hex.push_back(kHex[bytes[i] & 0xf]);
  }
  return hex;
}

boost::json::value StorableJson(const sdk::Value& value) {
  boost::json::value json = ValueToJson(value);
  if (json.is_string()) json = boost::json::string(StorableText(json.as_string()));
  return json;
}

}  // namespace

std::string StorableText(std::string_view text) {
  static constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t length = text.front() == '\0' ? 0 : Utf8SequenceLength(text);
    out.append(length == 0 ? kReplacement : text.substr(0, length));
    text.remove_prefix(length == 0 ? 1 : length);
  }
  return out;
}

std::string RawRecordJson(const sdk::Record& record, std::string_view source_system) {
  boost::json::object fields;
  for (const sdk::Field& field : record.fields) fields[StorableText(field.name)] = StorableJson(field.value);
  boost::json::object raw{{"entity", StorableText(record.entity)},
                          {"source_system", StorableText(source_system)},
                          {"source_id", StorableText(record.source_id)},
                          {"position", StorableText(record.position)},
                          {"fields", std::move(fields)}};
  return boost::json::serialize(raw);
}

std::string MappedRecordJson(const mapping::MappedRecord& record) {
  boost::json::object fields;
  for (const mapping::MappedField& field : record.fields) fields[field.name()] = StorableJson(field.value);
  boost::json::object payload{
      {"source_system", record.source_system}, {"source_id", record.source_id}, {"fields", std::move(fields)}};
  return boost::json::serialize(payload);
}

std::string ContentHash(const mapping::MappedRecord& record) {
  // Unit and record separators cannot occur in the UTF-8 text of a field name, so the form is unambiguous.
  std::string canonical(record.entity->name);
  for (const mapping::MappedField& field : record.fields) {
    canonical.append("\x1e").append(field.name()).append("\x1f");
    canonical.append(std::to_string(static_cast<int>(field.value.type()))).append("\x1f");
    const sdk::Value& value = field.value;
    bool textual = value.type() == sdk::ValueType::kString || value.type() == sdk::ValueType::kDecimal ||
                   value.type() == sdk::ValueType::kDate;
    canonical.append(textual ? value.text() : boost::json::serialize(ValueToJson(value)));
  }
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  EVP_Digest(canonical.data(), canonical.size(), digest, &length, EVP_sha256(), nullptr);
  return Hex(digest, length);
}

}  // namespace hub::sync
