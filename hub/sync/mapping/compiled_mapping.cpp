#include "sync/mapping/compiled_mapping.hpp"

#include "sync/mapping/field_plan.hpp"
#include "sync/mapping/record_limits.hpp"
#include "sync/mapping/text_transforms.hpp"

namespace hub::sync::mapping {

namespace {

// False, with the problem in `problem`, when `value` of `field` (of `entity`) is text the store would not keep
// whole: a NUL byte, or a key longer than its indexes hold.
bool WithinLimits(const model::EntitySpec& entity, const model::FieldSpec& field, const sdk::Value& value,
                  std::string* problem) {
  if (value.type() != sdk::ValueType::kString) return true;
  std::optional<std::string> found = NulByteIn(value.text());
  if (!found && IsIndexedKey(entity, field)) found = KeyTooLong("the value", value.text());
  if (!found) return true;
  *problem = std::move(*found);
  return false;
}

}  // namespace

std::string MappingRejection::ToString() const { return position.empty() ? reason : position + ": " + reason; }

CompiledMapping::CompiledMapping(CompiledMapping&&) noexcept = default;
CompiledMapping& CompiledMapping::operator=(CompiledMapping&&) noexcept = default;
CompiledMapping::~CompiledMapping() = default;

const sdk::Value* CompiledMapping::Lookup(const sdk::Record& record, std::uint32_t slot) const {
  const SourceSlot& source = slots_[slot];
  const std::vector<sdk::Field>& fields = record.fields;
  // Relaxed: the hint only speeds the search up; any value it holds gives the same answer.
  std::uint32_t hint = source.hint.load(std::memory_order_relaxed);
  if (hint < fields.size() && fields[hint].name == source.name) return &fields[hint].value;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == source.name) {
      source.hint.store(static_cast<std::uint32_t>(i), std::memory_order_relaxed);
      return &fields[i].value;
    }
  }
  return nullptr;
}

bool CompiledMapping::ResolveSourceId(const sdk::Record& record, MappedRecord* mapped,
                                      MappingRejection* rejection) const {
  if (id_source_.empty()) {
    mapped->source_id = record.source_id;
  } else if (const sdk::Value* value = Lookup(record, id_slot_)) {
    AppendSourceText(*value, &mapped->source_id);
    std::string_view trimmed = TrimSpaces(mapped->source_id);
    if (trimmed.size() != mapped->source_id.size()) mapped->source_id = std::string(trimmed);
  }
  std::optional<std::string> problem;
  if (mapped->source_id.empty()) {
    problem = id_source_.empty() ? "the record has no source id" : "the source id field '" + id_source_ + "' is empty";
  } else if (std::optional<std::string> nul = NulByteIn(mapped->source_id)) {
    problem = "source id " + *nul;
  } else {
    problem = KeyTooLong("source id", mapped->source_id);
  }
  if (!problem) return true;
  rejection->position = record.position;
  rejection->target.clear();
  rejection->source = id_source_;
  rejection->reason = std::move(*problem);
  // The quarantine entry names the record by the id it has (capped there), when it has one.
  rejection->source_id = mapped->source_id;
  return false;
}

bool CompiledMapping::ResolveSourceSystem(const sdk::Record& record, MappedRecord* mapped,
                                          MappingRejection* rejection) const {
  if (system_ == nullptr) {
    mapped->source_system = record.source_system;
    return true;
  }
  sdk::Value value;
  std::string problem;
  // The target is required: Map answers a checked system name (taken, looked up or the default) or refuses.
  if (system_->Map(*this, record, &value, &problem)) {
    mapped->source_system = value.text();
    return true;
  }
  const std::string target(system_->target->name);
  *rejection = MappingRejection{record.position,
                                target,
                                system_->source_label,
                                "field '" + target + "' from '" + system_->source_label + "': " + problem,
                                {},
                                {}};
  return false;
}

std::string CompiledMapping::SourceSystemOf(const sdk::Record& record) const {
  MappedRecord mapped;
  MappingRejection ignored;
  return ResolveSourceSystem(record, &mapped, &ignored) ? std::move(mapped.source_system) : std::string();
}

MappingOutcome CompiledMapping::Apply(const sdk::Record& record) const {
  if (!record.rejection.empty())
    return MappingOutcome(MappingRejection{record.position, {}, {}, record.rejection, {}, {}});
  MappedRecord mapped;
  MappingRejection rejection;
  // Both parts of the identity are read before either refuses, so that a rejection carries the other.
  const bool has_system = ResolveSourceSystem(record, &mapped, &rejection);
  if (!ResolveSourceId(record, &mapped, &rejection)) {
    rejection.source_system = std::move(mapped.source_system);
    return MappingOutcome(std::move(rejection));
  }
  if (!has_system) {
    rejection.source_id = std::move(mapped.source_id);
    return MappingOutcome(std::move(rejection));
  }
  mapped.entity = entity_;
  mapped.operation = record.operation;
  mapped.position = record.position;
  if (record.operation == sdk::Operation::kDelete) return MappingOutcome(std::move(mapped));
  mapped.fields.reserve(fields_.size());
  std::string problem;
  for (const FieldPlan& plan : fields_) {
    sdk::Value value;
    if (!plan.Map(*this, record, &value, &problem) || !WithinLimits(*entity_, *plan.target, value, &problem)) {
      std::string target(plan.target->name);
      return MappingOutcome(
          MappingRejection{record.position, target, plan.source_label,
                           "field '" + target + "' from '" + plan.source_label + "': " + std::move(problem),
                           std::move(mapped.source_id), std::move(mapped.source_system)});
    }
    mapped.fields.push_back({plan.target, std::move(value), plan.reference_system});
  }
  return MappingOutcome(std::move(mapped));
}

std::vector<std::string> CompiledMapping::UnseenSources() const {
  std::vector<std::string> unseen;
  for (std::size_t i = 0; i < slot_count_; ++i) {
    if (slots_[i].hint.load(std::memory_order_relaxed) == kUnseen) unseen.push_back(slots_[i].name);
  }
  return unseen;
}

}  // namespace hub::sync::mapping
