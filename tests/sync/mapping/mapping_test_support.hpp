// A small catalog and configuration builders shared by the mapping tests.
#ifndef HUB_TESTS_SYNC_MAPPING_MAPPING_TEST_SUPPORT_HPP_
#define HUB_TESTS_SYNC_MAPPING_MAPPING_TEST_SUPPORT_HPP_

#include <string>
#include <utility>
#include <vector>

#include "config/hub_config.hpp"
#include "model/catalog.hpp"

namespace hub::sync::mapping::testing {

using model::FieldType;

// One entity with a field of every type; static, as the catalog must outlive the mappings.
inline constexpr model::FieldSpec kCustomerFields[] = {
    {"name", FieldType::kString, true, {"t", "name"}, "Name.", "", ""},
    {"kind", FieldType::kString, true, {"t", "kind"}, "Kind.", "organization|person", ""},
    {"country", FieldType::kString, false, {"t", "country"}, "Country.", "CN|US|DE", ""},
    {"address_line", FieldType::kString, false, {"t", "address"}, "Address.", "", ""},
    {"founded", FieldType::kDate, false, {"t", "founded"}, "Founding date.", "", ""},
    {"credit_limit", FieldType::kDecimal, false, {"t", "credit_limit"}, "Credit limit.", "", ""},
    {"employees", FieldType::kInt64, false, {"t", "employees"}, "Head count.", "", ""},
    {"last_contact", FieldType::kTimestamp, false, {"t", "last_contact"}, "Last contact.", "", ""},
    {"active", FieldType::kBool, false, {"t", "active"}, "Active.", "", ""},
    {"phone", FieldType::kString, false, {"t", "phone"}, "Phone.", "", ""},
    {"code", FieldType::kString, false, {"t", "code"}, "Code.", "", ""},
};

inline constexpr model::EntitySpec kTestCatalog[] = {
    {"customer", "customers", "A customer.", kCustomerFields},
};

inline config::SourceLocation Line(int line) { return {"hub.xml", line}; }

// <field target=... source=...> at `line`.
inline config::MappingFieldConfig Source(std::string target, std::string source, int line = 10) {
  config::MappingFieldConfig field;
  field.target = std::move(target);
  field.sources = {std::move(source)};
  field.location = Line(line);
  return field;
}

// <field target=... value=...> at `line`.
inline config::MappingFieldConfig Constant(std::string target, std::string value, int line = 10) {
  config::MappingFieldConfig field;
  field.target = std::move(target);
  field.constant = std::move(value);
  field.location = Line(line);
  return field;
}

// <mapping entity="customer"> at line 5 with name and kind already mapped (the entity requires them),
// followed by `fields`.
inline config::MappingConfig CustomerMapping(std::vector<config::MappingFieldConfig> fields) {
  config::MappingConfig mapping;
  mapping.entity = "customer";
  mapping.location = Line(5);
  mapping.fields = {Source("name", "客户名称", 6), Constant("kind", "organization", 7)};
  for (auto& field : fields) mapping.fields.push_back(std::move(field));
  return mapping;
}

inline std::vector<config::CodeTableConfig> Countries() {
  config::CodeTableConfig table;
  table.name = "countries";
  table.location = Line(40);
  table.entries = {{"中国", "CN", Line(41)}, {"美国", "US", Line(42)}, {"CHINA", "CN", Line(43)}};
  return {table};
}

}  // namespace hub::sync::mapping::testing

#endif  // HUB_TESTS_SYNC_MAPPING_MAPPING_TEST_SUPPORT_HPP_
