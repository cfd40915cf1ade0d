#include "sync/record_json.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>

#include "common/value_json.hpp"

namespace hub::sync {
namespace {

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

}  // namespace

std::string RawRecordJson(const sdk::Record& record, std::string_view source_system) {
  boost::json::object fields;
  for (const sdk::Field& field : record.fields) fields[field.name] = ValueToJson(field.value);
  boost::json::object raw{{"entity", record.entity},
                          {"source_system", source_system},
                          {"source_id", record.source_id},
                          {"position", record.position},
                          {"fields", std::move(fields)}};
  return boost::json::serialize(raw);
}

std::string MappedRecordJson(const mapping::MappedRecord& record) {
  boost::json::object fields;
  for (const mapping::MappedField& field : record.fields) fields[field.name()] = ValueToJson(field.value);
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
