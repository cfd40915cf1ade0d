#include "sync/mapping/field_plan.hpp"

#include <algorithm>

#include "sync/mapping/text_transforms.hpp"

namespace hub::sync::mapping {
namespace {

bool IsEmpty(const sdk::Value& value) {
  return value.is_null() ||
         (value.text().empty() && (value.type() == sdk::ValueType::kString ||
                                   value.type() == sdk::ValueType::kDecimal || value.type() == sdk::ValueType::kDate));
}

// "a|b|c" as "a, b, c".
std::string AllowedValues(std::string_view values) {
  std::string listed;
  for (char c : values) {
    if (c == '|') {
      listed += ", ";
    } else {
      listed += c;
    }
  }
  return listed;
}

// Source systems are named like the connectors that are their default: lowercase letters, digits, _.
bool IsSystemName(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
  });
}

}  // namespace

const model::FieldSpec kSourceSystemTarget{"source_system",
                                           model::FieldType::kString,
                                           true,
                                           {"source_links", "source_system"},
                                           "The source system the record belongs to; default: the connector's name.",
                                           "",
                                           ""};

bool FieldPlan::Map(const CompiledMapping& mapping, const sdk::Record& record, sdk::Value* out,
                    std::string* problem) const {
  if (constant) {
    *out = *constant;
    return true;
  }
  if (TakeAsIs(mapping, record, out)) return CheckAllowed(*out, problem);
  std::string text = Gather(mapping, record);
  if (text.empty()) return WhenEmpty(out, problem);
  if (lookup) {
    auto entry = lookup->find(text);
    if (entry == lookup->end()) return WhenNotInTable(text, out, problem);
    // A code that translates to nothing is an empty value, and a translation is checked as a gathered value
    // is: the default, the requirement and the allowed values (a system name) all hold for it too.
    if (IsEmpty(entry->second)) return WhenEmpty(out, problem);
    *out = entry->second;
    return CheckAllowed(*out, problem);
  }
  return converter.Convert(std::move(text), out, problem) && CheckAllowed(*out, problem);
}

bool FieldPlan::CheckAllowed(const sdk::Value& value, std::string* problem) const {
  if (names_system && !IsSystemName(value.text())) {
    *problem = Quoted(value.text()) +
               " is not a source system name (lowercase letters, digits and _, like a connector's name; "
               "transform=\"lower\" or a lookup= can make one)";
    return false;
  }
  if (target->values.empty() || value.type() != sdk::ValueType::kString || target->AllowsValue(value.text())) {
    return true;
  }
  *problem = Quoted(value.text()) + " is not one of the allowed values " + AllowedValues(target->values);
  return false;
}

// Typed values from typed sources (ODBC) skip the trip through text.
bool FieldPlan::TakeAsIs(const CompiledMapping& mapping, const sdk::Record& record, sdk::Value* out) const {
  if (sources.size() != 1 || !transforms.empty() || lookup) return false;
  const sdk::Value* value = mapping.Lookup(record, sources[0]);
  if (value == nullptr || IsEmpty(*value) || !converter.TakesAsIs(*value)) return false;
  *out = *value;
  return true;
}

// The source text with the transforms applied; for a concat, each part transformed, the empty ones left
// out, the rest joined with the separator.
std::string FieldPlan::Gather(const CompiledMapping& mapping, const sdk::Record& record) const {
  std::string text;
  std::string part;
  for (std::uint32_t slot : sources) {
    const sdk::Value* value = mapping.Lookup(record, slot);
    if (value == nullptr) continue;
    std::string& target_text = sources.size() == 1 ? text : part;
    target_text.clear();
    AppendSourceText(*value, &target_text);
    for (config::MappingTransform transform : transforms) ApplyTransform(transform, &target_text);
    if (sources.size() == 1 || part.empty()) continue;
    if (!text.empty()) text += separator;
    text += part;
  }
  return text;
}

bool FieldPlan::WhenEmpty(sdk::Value* out, std::string* problem) const {
  if (default_value) {
    *out = *default_value;
  } else if (!required) {
    *out = sdk::Value::Null();
  } else {
    *problem = "is empty, and the field is required";
    return false;
  }
  return true;
}

bool FieldPlan::WhenNotInTable(std::string_view text, sdk::Value* out, std::string* problem) const {
  if (default_value) {
    *out = *default_value;
    return true;
  }
  *problem = Quoted(text) + " is not in code table '" + lookup_name + "', and the field has no default";
  return false;
}

}  // namespace hub::sync::mapping
