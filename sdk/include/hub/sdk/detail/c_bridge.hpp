// Conversions between the C ABI structs and the C++ SDK types, used on both sides of the boundary.
// Not part of the author-facing API.
#ifndef HUB_SDK_DETAIL_C_BRIDGE_HPP_
#define HUB_SDK_DETAIL_C_BRIDGE_HPP_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/abi.h"
#include "hub/sdk/options.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::sdk::detail {

inline hub_str ToC(std::string_view text) { return hub_str{text.data(), text.size()}; }

inline std::string_view FromC(hub_str text) {
  return text.data == nullptr ? std::string_view() : std::string_view(text.data, text.size);
}

inline std::string FromC(const char* text) { return text == nullptr ? std::string() : std::string(text); }

// True when a struct of `struct_size` bytes, as its sender built it, holds the member at `offset` of `size`
// bytes: a member appended by a later minor is read only then.
constexpr bool Covers(uint32_t struct_size, std::size_t offset, std::size_t size) {
  return struct_size >= offset + size;
}

// Copies status into error (message truncated to the buffer) and answers its code.
inline int32_t ExportError(const Status& status, hub_error* error) {
  if (error != nullptr) {
    error->struct_size = sizeof(hub_error);
    error->code = static_cast<int32_t>(status.code());
    const std::string& message = status.message();
    std::size_t length = std::min(message.size(), static_cast<std::size_t>(HUB_ERROR_MESSAGE_CAPACITY - 1));
    std::memcpy(error->message, message.data(), length);
    error->message[length] = '\0';
  }
  return static_cast<int32_t>(status.code());
}

inline Status ImportError(int32_t code, const hub_error& error) {
  if (code == HUB_STATUS_OK) return Status::Ok();
  bool known = code > HUB_STATUS_OK && code <= HUB_STATUS_INTERNAL;
  std::string message(error.message, strnlen(error.message, HUB_ERROR_MESSAGE_CAPACITY));
  if (message.empty()) message = "failed without a message";
  return Status(known ? static_cast<StatusCode>(code) : StatusCode::kInternal, std::move(message));
}

inline hub_value ToC(const Value& value) {
  hub_value out{};
  out.type = static_cast<int32_t>(value.type());
  out.boolean = value.boolean() ? 1 : 0;
  out.integer = value.integer();
  out.real = value.real();
  out.text = ToC(value.text());
  return out;
}

inline Value FromC(const hub_value& value) {
  std::string text(FromC(value.text));
  switch (static_cast<ValueType>(value.type)) {
    case ValueType::kString:
      return Value::String(std::move(text));
    case ValueType::kDecimal:
      return Value::Decimal(std::move(text));
    case ValueType::kDate:
      return Value::Date(std::move(text));
    case ValueType::kInt64:
      return Value::Int64(value.integer);
    case ValueType::kTimestamp:
      return Value::Timestamp(value.integer);
    case ValueType::kDouble:
      return Value::Double(value.real);
    case ValueType::kBool:
      return Value::Bool(value.boolean != 0);
    case ValueType::kNull:
      break;
  }
  return Value::Null();
}

// The operation a record's C value names; nullopt for a value no ABI minor defines (the host refuses the batch).
inline std::optional<Operation> OperationFromC(int32_t operation) {
  switch (operation) {
    case HUB_RECORD_UPSERT:
    case HUB_RECORD_DELETE:
    case HUB_RECORD_PRESENT:
    case HUB_RECORD_SWEEP_END:
      return static_cast<Operation>(operation);
    default:
      return std::nullopt;
  }
}

// The C view of a Batch. Points into the Batch it was built from, which must outlive it.
class ExportedBatch {
 public:
  void Build(const Batch& batch) {
    fields_.clear();
    records_.clear();
    std::size_t field_total = 0;
    for (const Record& record : batch.records) field_total += record.fields.size();
    fields_.reserve(field_total);  // no reallocation below: records point into fields_
    records_.reserve(batch.records.size());
    for (const Record& record : batch.records) {
      const hub_field* first = fields_.data() + fields_.size();
      for (const Field& field : record.fields) fields_.push_back(hub_field{ToC(field.name), ToC(field.value)});
      hub_record out{};
      out.struct_size = sizeof(hub_record);
      out.operation = static_cast<int32_t>(record.operation);
      out.entity = ToC(record.entity);
      out.source_system = ToC(record.source_system);
      out.source_id = ToC(record.source_id);
      out.cursor = ToC(record.cursor);
      out.position = ToC(record.position);
      out.rejection = ToC(record.rejection);
      out.fields = first;
      out.field_count = record.fields.size();
      records_.push_back(out);
    }
    view_ = hub_batch{};
    view_.struct_size = sizeof(hub_batch);
    view_.records = records_.data();
    view_.record_count = records_.size();
    view_.next_cursor = ToC(batch.next_cursor);
    view_.end_of_data = batch.end_of_data ? 1 : 0;
    view_.total_hint = batch.total_hint.value_or(-1);
  }
  const hub_batch* view() const { return &view_; }

 private:
  std::vector<hub_field> fields_;
  std::vector<hub_record> records_;
  hub_batch view_{};
};

// Copies a C batch into C++ values (the host side: the plugin's memory is only borrowed). Every record's
// operation is one OperationFromC knows (the host checks it first); an unknown one is read as an upsert.
inline Batch ImportBatch(const hub_batch& batch) {
  Batch out;
  out.records.reserve(batch.record_count);
  for (uint64_t i = 0; i < batch.record_count; ++i) {
    const hub_record& in = batch.records[i];
    Record record;
    record.operation = OperationFromC(in.operation).value_or(Operation::kUpsert);
    record.entity = FromC(in.entity);
    record.source_system = FromC(in.source_system);
    record.source_id = FromC(in.source_id);
    record.cursor = FromC(in.cursor);
    record.position = FromC(in.position);
    record.rejection = FromC(in.rejection);
    record.fields.reserve(in.field_count);
    for (uint64_t f = 0; f < in.field_count; ++f) {
      record.fields.push_back(Field{std::string(FromC(in.fields[f].name)), FromC(in.fields[f].value)});
    }
    out.records.push_back(std::move(record));
  }
  out.next_cursor = FromC(batch.next_cursor);
  out.end_of_data = batch.end_of_data != 0;
  if (batch.total_hint >= 0) out.total_hint = batch.total_hint;
  return out;
}

// The C view of a PluginDescription; lives as long as the description it points into.
class ExportedInfo {
 public:
  explicit ExportedInfo(const PluginDescription& description) {
    for (const DefaultMapping& mapping : description.default_mappings) {
      hub_default_mapping out{};
      out.struct_size = sizeof(hub_default_mapping);
      out.name = mapping.name.c_str();
      out.description = mapping.description.c_str();
      out.xml = mapping.xml.c_str();
      mappings_.push_back(out);
    }
    for (const OptionSpec& option : description.options) {
      hub_option_spec spec{};
      spec.struct_size = sizeof(hub_option_spec);
      spec.name = option.name.c_str();
      spec.type = static_cast<int32_t>(option.type);
      spec.default_value = option.default_value ? option.default_value->c_str() : nullptr;
      spec.required = option.required ? 1 : 0;
      spec.description = option.description.c_str();
      specs_.push_back(spec);
    }
    info_.struct_size = sizeof(hub_plugin_info);
    info_.name = description.name.c_str();
    info_.version = description.version.c_str();
    info_.kind = description.kind.c_str();
    info_.description = description.description.c_str();
    info_.options = specs_.data();
    info_.option_count = specs_.size();
    info_.record_id_option = description.record_id_option.c_str();
    info_.capabilities = (description.capabilities.reads ? uint32_t{HUB_CAPABILITY_READ} : 0u) |
                         (description.capabilities.writes_events ? uint32_t{HUB_CAPABILITY_WRITE_EVENTS} : 0u);
    info_.mappings = mappings_.empty() ? nullptr : mappings_.data();
    info_.mapping_count = mappings_.size();
  }
  const hub_plugin_info* view() const { return &info_; }

 private:
  std::vector<hub_option_spec> specs_;
  std::vector<hub_default_mapping> mappings_;
  hub_plugin_info info_{};
};

inline PluginDescription ImportInfo(const hub_plugin_info& info) {
  PluginDescription out;
  out.name = FromC(info.name);
  out.version = FromC(info.version);
  out.kind = FromC(info.kind);
  out.description = FromC(info.description);
  for (uint64_t i = 0; i < info.option_count; ++i) {
    const hub_option_spec& spec = info.options[i];
    OptionSpec option;
    option.name = FromC(spec.name);
    option.type = static_cast<OptionType>(spec.type);
    if (spec.default_value != nullptr) option.default_value = spec.default_value;
    option.required = spec.required != 0;
    option.description = FromC(spec.description);
    out.options.push_back(std::move(option));
  }
  // A plugin built for ABI 1.0 has a shorter info: no record id option, and capabilities unknown, so
  // both are assumed (its write_events answers Unimplemented if it has none).
  if (Covers(info.struct_size, offsetof(hub_plugin_info, record_id_option), sizeof(info.record_id_option))) {
    out.record_id_option = FromC(info.record_id_option);
  }
  if (Covers(info.struct_size, offsetof(hub_plugin_info, capabilities), sizeof(info.capabilities))) {
    out.capabilities.reads = (info.capabilities & HUB_CAPABILITY_READ) != 0;
    out.capabilities.writes_events = (info.capabilities & HUB_CAPABILITY_WRITE_EVENTS) != 0;
  } else {
    out.capabilities = {true, true};
  }
  // A plugin built before ABI 1.2 declares no default mappings.
  if (Covers(info.struct_size, offsetof(hub_plugin_info, mapping_count), sizeof(info.mapping_count))) {
    for (uint64_t i = 0; i < info.mapping_count; ++i) {
      const hub_default_mapping& mapping = info.mappings[i];
      out.default_mappings.push_back(
          DefaultMapping{FromC(mapping.name), FromC(mapping.description), FromC(mapping.xml)});
    }
  }
  return out;
}

// The C view of an event, pointing into `event`; `struct_size` as the receiver's minor knows the struct.
inline hub_outbound_event ToC(const OutboundEvent& event) {
  hub_outbound_event out{};
  out.struct_size = sizeof(hub_outbound_event);
  out.kind = ToC(event.kind);
  out.entity = ToC(event.entity);
  out.id = ToC(event.id);
  out.payload_json = ToC(event.payload_json);
  out.event_id = ToC(event.event_id);
  out.occurred_at_unix_ms = event.occurred_at_unix_ms;
  return out;
}

// Copies an event handed over by the host; the members a 1.0 host did not send stay empty.
inline OutboundEvent FromC(const hub_outbound_event& event) {
  OutboundEvent out;
  out.kind = FromC(event.kind);
  out.entity = FromC(event.entity);
  out.id = FromC(event.id);
  out.payload_json = FromC(event.payload_json);
  if (Covers(event.struct_size, offsetof(hub_outbound_event, event_id), sizeof(event.event_id))) {
    out.event_id = FromC(event.event_id);
  }
  if (Covers(event.struct_size, offsetof(hub_outbound_event, occurred_at_unix_ms), sizeof(event.occurred_at_unix_ms))) {
    out.occurred_at_unix_ms = event.occurred_at_unix_ms;
  }
  return out;
}

}  // namespace hub::sdk::detail

#endif  // HUB_SDK_DETAIL_C_BRIDGE_HPP_
