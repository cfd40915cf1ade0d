// <mapping> inside <job> (or a plugin's default mapping set): which model entity a job fills, and one <field>
// per model field, or (use=) which of the connector's default mappings it takes. Only the shape is checked here;
// targets, types and date formats are checked against the model when the mapping is compiled (sync/mapping/).
#include <algorithm>
#include <array>
#include <string>
#include <utility>

#include "config/element_reader.hpp"
#include "config/mapping_xml.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::array<std::pair<std::string_view, MappingTransform>, 6> kTransforms = {{
    {"trim", MappingTransform::kTrim},
    {"upper", MappingTransform::kUpper},
    {"lower", MappingTransform::kLower},
    {"nfkc", MappingTransform::kNfkc},
    {"collapse_spaces", MappingTransform::kCollapseSpaces},
    {"digits_only", MappingTransform::kDigitsOnly},
}};

// Attributes that shape a value read from the source; a constant takes none of them.
constexpr std::array<std::string_view, 6> kValueOptions = {"transform", "lookup", "default",
                                                           "date",      "number", "required"};

}  // namespace

std::string_view MappingTransformName(MappingTransform transform) {
  for (const auto& [name, value] : kTransforms) {
    if (value == transform) return name;
  }
  return {};
}

namespace {

std::string FieldTag(const std::string& target) { return "<field target=\"" + target + "\">"; }

std::optional<std::vector<MappingTransform>> ReadTransforms(LoadContext& context, pugi::xml_node element,
                                                            const std::string& subject) {
  auto value = ReadAttribute(context, element, "transform", Presence::kOptional);
  if (!value) return std::vector<MappingTransform>{};
  auto names = SplitList(context, *value, '|', subject + " attribute 'transform'");
  if (!names) return std::nullopt;
  std::vector<MappingTransform> transforms;
  for (const std::string& name : *names) {
    auto known = std::find_if(kTransforms.begin(), kTransforms.end(), [&](const auto& t) { return t.first == name; });
    if (known == kTransforms.end()) {
      std::vector<std::string_view> choices;
      for (const auto& transform : kTransforms) choices.push_back(transform.first);
      context.Error(value->location,
                    subject + " attribute 'transform': unknown transform '" + name + "'; known: " + JoinNames(choices));
      return std::nullopt;
    }
    transforms.push_back(known->second);
  }
  return transforms;
}

// Where the value comes from: exactly one of source=, concat= and value=.
bool ReadOrigin(LoadContext& context, pugi::xml_node element, const std::string& subject, MappingFieldConfig* field) {
  std::vector<std::string_view> given;
  for (std::string_view name : {"source", "concat", "value"}) {
    if (element.attribute(std::string(name).c_str())) given.push_back(name);
  }
  if (given.size() != 1) {
    context.Error(context.At(element), given.empty() ? subject + " needs one of 'source', 'concat' or 'value'"
                                                     : subject + " has " + JoinNames(given) + "; give only one");
    return false;
  }
  auto value = ReadAttribute(context, element, given[0], Presence::kRequired);
  if (!value) return false;
  if (given[0] == "value") {
    field->constant = std::move(value->text);
    return true;
  }
  std::string attribute_subject = subject + " attribute '" + std::string(given[0]) + "'";
  if (given[0] == "source") {
    if (value->text.empty()) context.Error(value->location, attribute_subject + ": the source field name is empty");
    field->sources = {std::move(value->text)};
    return !field->sources[0].empty();
  }
  auto sources = SplitList(context, *value, ',', attribute_subject);
  if (!sources) return false;
  if (sources->size() < 2) {
    context.Error(value->location, attribute_subject +
                                       ": name two or more source fields, separated by commas "
                                       "(for one field, use 'source')");
    return false;
  }
  field->sources = std::move(*sources);
  return true;
}

// separator= as written, not trimmed: a single space is the usual one.
std::optional<std::string> ReadSeparator(LoadContext& context, pugi::xml_node element, const std::string& subject) {
  pugi::xml_attribute attribute = element.attribute("separator");
  if (!attribute) return std::nullopt;
  auto expanded = context.secrets().Expand(attribute.value());
  if (!expanded.ok()) {
    context.Error(context.At(attribute), subject + " attribute 'separator': " + expanded.status().message());
    return std::nullopt;
  }
  return std::move(expanded).value();
}

// A constant takes no value options; separator= only goes with concat=.
void CheckCombinations(LoadContext& context, pugi::xml_node element, const std::string& subject,
                       const MappingFieldConfig& field) {
  for (std::string_view option : kValueOptions) {
    pugi::xml_attribute attribute = element.attribute(std::string(option).c_str());
    if (field.constant && attribute) {
      context.Error(context.At(attribute),
                    subject + " is a constant (value=); it takes no '" + std::string(option) + "'");
    }
  }
  if (pugi::xml_attribute separator = element.attribute("separator"); separator && !element.attribute("concat")) {
    context.Error(context.At(separator), subject + " attribute 'separator' goes only with 'concat'");
  }
  if (field.required && field.default_value) {
    context.Error(context.At(element), subject +
                                           " has both 'required' and 'default'; the default always fills "
                                           "the field, so give one of them");
  }
}

// One "key=value" item of number="...".
bool ApplyNumberSetting(std::string_view key, std::string_view value, NumberFormatConfig* format,
                        bool* thousands_given) {
  if (key == "decimal" && (value == "." || value == ",")) {
    format->decimal = value[0];
  } else if (key == "thousands") {
    *thousands_given = true;
    if (value == "none") {
      format->thousands.clear();
    } else if (value == "space") {
      format->thousands = {" ", "\u00A0", "\u202F"};
    } else if (value == "," || value == "." || value == "'") {
      format->thousands = {std::string(value)};
    } else {
      return false;
    }
  } else if (key == "currency" && !value.empty()) {
    format->currency.emplace_back(value);
  } else if (key == "scale" && value.size() == 1 && value[0] >= '0' && value[0] <= '9') {
    format->scale = value[0] - '0';
  } else {
    return false;
  }
  return true;
}

std::optional<NumberFormatConfig> ReadNumberFormat(LoadContext& context, pugi::xml_node element,
                                                   const std::string& subject) {
  auto value = ReadAttribute(context, element, "number", Presence::kRequired);
  if (!value) return std::nullopt;
  std::string attribute_subject = subject + " attribute 'number'";
  auto items = SplitList(context, *value, '|', attribute_subject);
  if (!items) return std::nullopt;
  NumberFormatConfig format;
  bool thousands_given = false;
  for (const std::string& item : *items) {
    std::size_t equals = item.find('=');
    std::string_view key = std::string_view(item).substr(0, equals);
    std::string_view setting =
        equals == std::string::npos ? std::string_view() : std::string_view(item).substr(equals + 1);
    if (equals == std::string::npos || !ApplyNumberSetting(key, setting, &format, &thousands_given)) {
      context.Error(value->location, attribute_subject + ": '" + item +
                                         "' is not a number setting; expected decimal=(. or ,), thousands=(, . ' space "
                                         "or none), currency=<symbol> or scale=(0 to 9)");
      return std::nullopt;
    }
  }
  if (!thousands_given && format.decimal == ',') format.thousands = {"."};
  if (std::find(format.thousands.begin(), format.thousands.end(), std::string(1, format.decimal)) !=
      format.thousands.end()) {
    context.Error(value->location, attribute_subject + ": the decimal and thousands separators are the same");
    return std::nullopt;
  }
  return format;
}

std::optional<MappingFieldConfig> ReadField(LoadContext& context, pugi::xml_node element) {
  CheckShape(context, element,
             {.attributes = {"target", "source", "concat", "separator", "value", "transform", "lookup", "default",
                             "date", "number", "required", "system"}});
  MappingFieldConfig field;
  field.location = context.At(element);
  auto target = ReadIdentifier(context, element, "target");
  std::string subject = FieldTag(target.value_or(""));
  bool valid = ReadOrigin(context, element, subject, &field);
  if (auto separator = ReadSeparator(context, element, subject)) field.separator = std::move(*separator);
  auto transforms = ReadTransforms(context, element, subject);
  auto lookup = ReadAttribute(context, element, "lookup", Presence::kOptional);
  if (lookup && lookup->text.empty()) context.Error(lookup->location, subject + " attribute 'lookup' is empty");
  if (auto fallback = ReadAttribute(context, element, "default", Presence::kOptional)) {
    field.default_value = std::move(fallback->text);
  }
  if (auto dates = ReadAttribute(context, element, "date", Presence::kOptional)) {
    auto formats = SplitList(context, *dates, '|', subject + " attribute 'date'");
    valid = valid && formats;
    if (formats) field.date_formats = std::move(*formats);
  }
  if (element.attribute("number")) {
    field.number = ReadNumberFormat(context, element, subject);
    valid = valid && field.number;
  }
  field.required = ReadBoolean(context, element, "required").value_or(false);
  if (auto system = ReadAttribute(context, element, "system", Presence::kOptional)) {
    if (system->text.empty()) context.Error(system->location, subject + " attribute 'system' is empty");
    field.system = std::move(system->text);
  }
  CheckCombinations(context, element, subject, field);
  if (!target || !transforms || !valid) return std::nullopt;
  field.target = std::move(*target);
  field.transforms = std::move(*transforms);
  if (lookup) field.lookup = std::move(lookup->text);
  return field;
}

}  // namespace

std::optional<MappingConfig> ReadMapping(LoadContext& context, pugi::xml_node element, MappingPlace place) {
  const bool in_job = place == MappingPlace::kJob;
  CheckShape(context, element,
             {.attributes = in_job ? std::vector<std::string_view>{"entity", "id", "use"}
                                   : std::vector<std::string_view>{"entity", "id"},
              .children = {"field"}});
  MappingConfig mapping;
  mapping.location = context.At(element);
  const bool uses = in_job && element.attribute("use");
  std::optional<std::string> use;
  if (uses) use = ReadIdentifier(context, element, "use");
  const bool names_entity = !uses || element.attribute("entity");
  std::optional<std::string> entity;
  if (names_entity) {
    entity = ReadIdentifier(context, element, "entity");
  } else if (use && (element.attribute("id") || element.child("field"))) {
    // A set taken whole has several entities: an id= or a <field> would not say which one it changes.
    context.Error(mapping.location, "<mapping use=\"" + *use +
                                        "\"> takes the set whole, so it has no 'id' and no <field>s; to change a "
                                        "mapping of the set, name its entity: <mapping use=\"" +
                                        *use + "\" entity=\"...\">");
  }
  if (auto id = ReadAttribute(context, element, "id", Presence::kOptional)) {
    if (id->text.empty()) context.Error(id->location, "<mapping> attribute 'id': the source field name is empty");
    mapping.id_source = std::move(id->text);
  }
  UniqueNames targets("mapping of field");
  for (pugi::xml_node child : element.children("field")) {
    auto field = ReadField(context, child);
    if (field && targets.Add(context, field->target, field->location)) mapping.fields.push_back(std::move(*field));
  }
  if ((uses && !use) || (names_entity && !entity)) return std::nullopt;
  if (entity) mapping.entity = std::move(*entity);
  if (use) mapping.use = std::move(*use);
  return mapping;
}

}  // namespace hub::config
