// CompiledMapping::Compile: a MappingConfig checked against the catalog and turned into field plans.
#include <algorithm>
#include <optional>

#include "sync/mapping/compiled_mapping.hpp"
#include "sync/mapping/field_plan.hpp"
#include "sync/mapping/text_transforms.hpp"

namespace hub::sync::mapping {

// One Compile call: collects every problem, each located at its config line.
class MappingCompiler {
 public:
  MappingCompiler(const config::MappingConfig& config, std::span<const config::CodeTableConfig> code_tables,
                  std::span<const model::EntitySpec> catalog)
      : config_(config), code_tables_(code_tables), catalog_(catalog) {}

  sdk::Result<CompiledMapping> Compile();

 private:
  bool FindEntity();
  void CompileField(const config::MappingFieldConfig& field);
  bool CompileFixedValues(const config::MappingFieldConfig& field, FieldPlan* plan);
  bool CompileLookup(const config::MappingFieldConfig& field, FieldPlan* plan);
  std::optional<sdk::Value> ConvertFixed(const FieldPlan& plan, const std::string& text, std::string* problem) const;
  void CheckRequiredFieldsMapped();
  std::uint32_t SlotFor(const std::string& name);
  void Error(const config::SourceLocation& where, const std::string& subject, const std::string& problem);
  std::string EntitySubject() const { return "<mapping entity=\"" + config_.entity + "\">"; }

  const config::MappingConfig& config_;
  std::span<const config::CodeTableConfig> code_tables_;
  std::span<const model::EntitySpec> catalog_;
  CompiledMapping mapping_;
  std::vector<std::string> slot_names_;
  std::vector<std::string> errors_;
};

sdk::Result<CompiledMapping> CompiledMapping::Compile(const config::MappingConfig& config,
                                                      std::span<const config::CodeTableConfig> code_tables,
                                                      std::span<const model::EntitySpec> catalog) {
  return MappingCompiler(config, code_tables, catalog).Compile();
}

sdk::Result<CompiledMapping> MappingCompiler::Compile() {
  HUB_RETURN_IF_ERROR(CheckTransformsAvailable());
  if (FindEntity()) {
    for (const config::MappingFieldConfig& field : config_.fields) CompileField(field);
    CheckRequiredFieldsMapped();
  }
  if (!config_.id_source.empty()) {
    mapping_.id_source_ = config_.id_source;
    mapping_.id_slot_ = SlotFor(config_.id_source);
  }
  if (!errors_.empty()) {
    std::string message;
    for (const std::string& error : errors_) message += (message.empty() ? "" : "\n") + error;
    return sdk::Status::InvalidArgument(std::move(message));
  }
  mapping_.slot_count_ = slot_names_.size();
  mapping_.slots_ = std::make_unique<CompiledMapping::SourceSlot[]>(slot_names_.size());
  for (std::size_t i = 0; i < slot_names_.size(); ++i) {
    mapping_.slots_[i].name = std::move(slot_names_[i]);
    mapping_.slots_[i].hint.store(CompiledMapping::kUnseen, std::memory_order_relaxed);
  }
  return std::move(mapping_);
}

bool MappingCompiler::FindEntity() {
  for (const model::EntitySpec& entity : catalog_) {
    if (entity.name == config_.entity) mapping_.entity_ = &entity;
  }
  if (mapping_.entity_ != nullptr) return true;
  std::string known;
  for (const model::EntitySpec& entity : catalog_) known += (known.empty() ? "" : ", ") + std::string(entity.name);
  Error(config_.location, EntitySubject(), "unknown entity '" + config_.entity + "'; the model has: " + known);
  return false;
}

void MappingCompiler::CompileField(const config::MappingFieldConfig& field) {
  std::string subject = "<field target=\"" + field.target + "\">";
  const bool names_system = field.target == kSourceSystemTarget.name;
  const model::FieldSpec* target = names_system ? &kSourceSystemTarget : mapping_.entity_->FindField(field.target);
  if (target == nullptr) {
    std::string known;
    for (const model::FieldSpec& spec : mapping_.entity_->fields) {
      known += (known.empty() ? "" : ", ") + std::string(spec.name);
    }
    Error(field.location, subject,
          "entity '" + config_.entity + "' has no field '" + field.target + "'; its fields: " + known);
    return;
  }
  auto duplicate = std::find_if(mapping_.fields_.begin(), mapping_.fields_.end(),
                                [&](const FieldPlan& plan) { return plan.target == target; });
  if (duplicate != mapping_.fields_.end() || (names_system && mapping_.system_ != nullptr)) {
    return Error(field.location, subject, "the field is mapped twice");
  }
  if (names_system && (!field.date_formats.empty() || field.number)) {
    return Error(field.location, subject, "the source system is a name; it takes no 'date' or 'number'");
  }
  auto converter = ValueConverter::Create(target->type, field.date_formats, field.number);
  if (!converter.ok()) return Error(field.location, subject, converter.status().message());
  FieldPlan plan(std::move(converter).value());
  plan.target = target;
  plan.separator = field.separator;
  plan.transforms = field.transforms;
  plan.required = field.required || target->required;
  plan.names_system = names_system;
  if (!field.system.empty()) {
    std::optional<model::FieldReference> reference = target->Reference();
    if (!reference || reference->key != "source_id") {
      return Error(field.location, subject,
                   "attribute 'system' applies only to a reference by source id (a field ending in _source_id)");
    }
    plan.reference_system = field.system;
  }
  for (const std::string& source : field.sources) {
    plan.sources.push_back(SlotFor(source));
    plan.source_label += (plan.source_label.empty() ? "" : " + ") + source;
  }
  if (!CompileFixedValues(field, &plan) || !CompileLookup(field, &plan)) return;
  if (names_system) {
    mapping_.system_ = std::make_unique<const FieldPlan>(std::move(plan));
  } else {
    mapping_.fields_.push_back(std::move(plan));
  }
}

// The constant and the default, converted once.
bool MappingCompiler::CompileFixedValues(const config::MappingFieldConfig& field, FieldPlan* plan) {
  std::string subject = "<field target=\"" + field.target + "\">";
  std::string problem;
  for (auto [text, slot, what] : {std::tuple(&field.constant, &plan->constant, "value"),
                                  std::tuple(&field.default_value, &plan->default_value, "default")}) {
    if (!text->has_value()) continue;
    if ((*text)->empty()) {
      Error(field.location, subject, std::string("the ") + what + " is empty; leave it out instead");
      return false;
    }
    *slot = ConvertFixed(*plan, **text, &problem);
    if (!*slot) {
      Error(field.location, subject, std::string(what) + " " + problem);
      return false;
    }
  }
  return true;
}

// The field's code table, its values converted to the field's type and checked against the catalog.
bool MappingCompiler::CompileLookup(const config::MappingFieldConfig& field, FieldPlan* plan) {
  if (field.lookup.empty()) return true;
  std::string subject = "<field target=\"" + field.target + "\">";
  auto table = std::find_if(code_tables_.begin(), code_tables_.end(),
                            [&](const config::CodeTableConfig& t) { return t.name == field.lookup; });
  if (table == code_tables_.end()) {
    Error(field.location, subject, "unknown code table '" + field.lookup + "'");
    return false;
  }
  auto converted = std::make_unique<ConvertedTable>();
  bool valid = true;
  std::string problem;
  for (const config::CodeTableConfig::Entry& entry : table->entries) {
    std::optional<sdk::Value> value = ConvertFixed(*plan, entry.value, &problem);
    if (!value) {
      Error(entry.location, subject, "code table '" + table->name + "' entry '" + entry.code + "': value " + problem);
      valid = false;
      continue;
    }
    converted->emplace(entry.code, std::move(*value));
  }
  plan->lookup_name = table->name;
  plan->lookup = std::move(converted);
  return valid;
}

std::optional<sdk::Value> MappingCompiler::ConvertFixed(const FieldPlan& plan, const std::string& text,
                                                        std::string* problem) const {
  sdk::Value value;
  if (text.empty()) return sdk::Value::Null();
  if (!plan.converter.Convert(text, &value, problem) || !plan.CheckAllowed(value, problem)) return std::nullopt;
  return value;
}

void MappingCompiler::CheckRequiredFieldsMapped() {
  for (const model::FieldSpec& spec : mapping_.entity_->fields) {
    if (!spec.required) continue;
    bool mapped = std::any_of(config_.fields.begin(), config_.fields.end(),
                              [&](const config::MappingFieldConfig& field) { return field.target == spec.name; });
    if (!mapped) {
      Error(config_.location, EntitySubject(),
            "the required field '" + std::string(spec.name) + "' of entity '" + config_.entity + "' is not mapped");
    }
  }
}

std::uint32_t MappingCompiler::SlotFor(const std::string& name) {
  auto known = std::find(slot_names_.begin(), slot_names_.end(), name);
  if (known != slot_names_.end()) return static_cast<std::uint32_t>(known - slot_names_.begin());
  slot_names_.push_back(name);
  return static_cast<std::uint32_t>(slot_names_.size() - 1);
}

void MappingCompiler::Error(const config::SourceLocation& where, const std::string& subject,
                            const std::string& problem) {
  // A mapping built in code rather than read from a file has no location to show.
  std::string located = where.file.empty() && where.line == 0 ? subject : where.ToString() + ": " + subject;
  errors_.push_back(located + ": " + problem);
}

}  // namespace hub::sync::mapping
