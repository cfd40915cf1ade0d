#include "hub/sdk/detail/c_bridge.hpp"

#include <cstddef>
#include <string>

#include <gtest/gtest.h>

namespace hub::sdk::detail {
namespace {

// One record of every value type, one deletion with every string field set, one record without fields.
Batch EveryKindOfRecord() {
  Batch batch;
  Record all_types;
  all_types.entity = "party";
  all_types.source_id = "C-1";
  all_types.cursor = "1";
  all_types.position = "customers.csv:2";
  all_types.Set("null", Value::Null())
      .Set("name", Value::String("Müller & Söhne"))
      .Set("count", Value::Int64(-9'007'199'254'740'993))
      .Set("ratio", Value::Double(0.1))
      .Set("active", Value::Bool(true))
      .Set("inactive", Value::Bool(false))
      .Set("balance", Value::Decimal("-1234.50"))
      .Set("since", Value::Date("2024-02-29"))
      .Set("updated", Value::Timestamp(1'700'000'000'123))
      .Set("empty", Value::String(""));
  Record deletion;
  deletion.operation = Operation::kDelete;
  deletion.entity = "invoice";
  deletion.source_system = "erp";
  deletion.source_id = "INV-7";
  deletion.cursor = "2";
  deletion.position = "invoices.csv:8";
  deletion.rejection = "amount is not a number";
  deletion.Set("note", Value::String(std::string("nul\0inside", 10)));
  Record bare;
  bare.entity = "contact";
  bare.source_id = "K-3";
  batch.records = {all_types, deletion, bare};
  batch.next_cursor = "3";
  batch.end_of_data = true;
  batch.total_hint = 3;
  return batch;
}

TEST(BatchBridge, RoundTripKeepsEveryFieldAndType) {
  Batch original = EveryKindOfRecord();
  ExportedBatch exported;
  exported.Build(original);
  Batch copy = ImportBatch(*exported.view());

  ASSERT_EQ(copy.records.size(), original.records.size());
  for (std::size_t i = 0; i < original.records.size(); ++i) {
    EXPECT_EQ(copy.records[i], original.records[i]) << "record " << i;
  }
  EXPECT_EQ(copy.next_cursor, "3");
  EXPECT_TRUE(copy.end_of_data);
  EXPECT_EQ(copy.total_hint, 3);
  EXPECT_EQ(copy.records[0].Find("count")->type(), ValueType::kInt64);
  EXPECT_EQ(copy.records[0].Find("updated")->type(), ValueType::kTimestamp);
  EXPECT_EQ(copy.records[0].Find("balance")->type(), ValueType::kDecimal);
  EXPECT_EQ(copy.records[0].Find("since")->type(), ValueType::kDate);
  EXPECT_TRUE(copy.records[0].Find("null")->is_null());
  EXPECT_FALSE(copy.records[0].Find("inactive")->boolean());
  EXPECT_EQ(copy.records[1].Find("note")->text().size(), 10u);
}

TEST(BatchBridge, TheCViewDescribesTheBatch) {
  Batch original = EveryKindOfRecord();
  ExportedBatch exported;
  exported.Build(original);
  const hub_batch& view = *exported.view();
  EXPECT_EQ(view.struct_size, sizeof(hub_batch));
  EXPECT_EQ(view.record_count, 3u);
  EXPECT_EQ(view.records[0].struct_size, sizeof(hub_record));
  EXPECT_EQ(view.records[0].field_count, 10u);
  EXPECT_EQ(view.records[1].operation, HUB_RECORD_DELETE);
  EXPECT_EQ(view.records[2].field_count, 0u);
  EXPECT_EQ(view.total_hint, 3);
}

TEST(BatchBridge, AnUnknownTotalAndAnOpenEndSurviveTheTrip) {
  Batch original;
  original.next_cursor = "";
  ExportedBatch exported;
  exported.Build(original);
  EXPECT_EQ(exported.view()->total_hint, -1);
  Batch copy = ImportBatch(*exported.view());
  EXPECT_TRUE(copy.records.empty());
  EXPECT_FALSE(copy.total_hint.has_value());
  EXPECT_FALSE(copy.end_of_data);
}

TEST(BatchBridge, RebuildingReplacesThePreviousView) {
  ExportedBatch exported;
  exported.Build(EveryKindOfRecord());
  Batch smaller;
  Record one;
  one.source_id = "only";
  smaller.records = {one};
  exported.Build(smaller);
  Batch copy = ImportBatch(*exported.view());
  ASSERT_EQ(copy.records.size(), 1u);
  EXPECT_EQ(copy.records[0].source_id, "only");
}

TEST(InfoBridge, RoundTripKeepsTheDescriptionAndEveryOption) {
  PluginDescription original;
  original.name = "file";
  original.version = "0.3.1";
  original.kind = "connector";
  original.description = "CSV and JSON files";
  original.options = {
      {"path", OptionType::kPath, std::nullopt, true, "the folder to read"},
      {"batch", OptionType::kInteger, std::string("500"), false, "records per batch"},
      {"strict", OptionType::kBoolean, std::string("false"), false, ""},
      {"token", OptionType::kSecret, std::nullopt, false, "api token"},
      {"every", OptionType::kDuration, std::string("5m"), false, "poll interval"},
      {"label", OptionType::kString, std::string(""), false, "an empty default is still a default"},
  };
  original.record_id_option = "label";
  original.capabilities = {false, true};
  ExportedInfo exported(original);
  EXPECT_EQ(exported.view()->struct_size, sizeof(hub_plugin_info));
  EXPECT_EQ(exported.view()->option_count, original.options.size());
  PluginDescription copy = ImportInfo(*exported.view());

  EXPECT_EQ(copy.name, original.name);
  EXPECT_EQ(copy.version, original.version);
  EXPECT_EQ(copy.kind, original.kind);
  EXPECT_EQ(copy.description, original.description);
  EXPECT_EQ(copy.record_id_option, "label");
  EXPECT_FALSE(copy.capabilities.reads);
  EXPECT_TRUE(copy.capabilities.writes_events);
  ASSERT_EQ(copy.options.size(), original.options.size());
  for (std::size_t i = 0; i < original.options.size(); ++i) {
    EXPECT_EQ(copy.options[i].name, original.options[i].name);
    EXPECT_EQ(copy.options[i].type, original.options[i].type) << original.options[i].name;
    EXPECT_EQ(copy.options[i].default_value, original.options[i].default_value) << original.options[i].name;
    EXPECT_EQ(copy.options[i].required, original.options[i].required) << original.options[i].name;
    EXPECT_EQ(copy.options[i].description, original.options[i].description);
  }
}

TEST(InfoBridge, AnInfoOfAbi10HasNoRecordIdOptionAndIsTakenToReadAndWrite) {
  PluginDescription original;
  original.name = "old";
  original.options = {{"id_field", OptionType::kString, std::nullopt, false, ""}};
  original.record_id_option = "id_field";
  ExportedInfo exported(original);
  hub_plugin_info older = *exported.view();
  older.struct_size = offsetof(hub_plugin_info, record_id_option);  // what a plugin built before it fills
  EXPECT_EQ(ImportInfo(older).record_id_option, "");
  EXPECT_TRUE(ImportInfo(older).capabilities.reads);
  EXPECT_TRUE(ImportInfo(older).capabilities.writes_events);
  EXPECT_EQ(ImportInfo(*exported.view()).record_id_option, "id_field");
  EXPECT_FALSE(ImportInfo(*exported.view()).capabilities.writes_events) << "the default: reads only";
}

TEST(InfoBridge, DefaultMappingsMakeTheRoundTripAndAnInfoOfAbi11HasNone) {
  PluginDescription original;
  original.name = "finance";
  original.default_mappings = {{"odoo17", "Odoo 17 accounting", "<mappings><mapping entity=\"party\"/></mappings>"},
                               {"ubl", "", "<mappings/>"}};
  ExportedInfo exported(original);
  ASSERT_EQ(exported.view()->mapping_count, 2u);
  EXPECT_EQ(exported.view()->mappings[0].struct_size, sizeof(hub_default_mapping));
  PluginDescription copy = ImportInfo(*exported.view());
  ASSERT_EQ(copy.default_mappings.size(), 2u);
  EXPECT_EQ(copy.default_mappings[0].name, "odoo17");
  EXPECT_EQ(copy.default_mappings[0].description, "Odoo 17 accounting");
  EXPECT_EQ(copy.default_mappings[0].xml, original.default_mappings[0].xml);
  EXPECT_EQ(copy.default_mappings[1].name, "ubl");

  hub_plugin_info older = *exported.view();
  older.struct_size = offsetof(hub_plugin_info, mappings);  // what a plugin built for 1.1 fills
  EXPECT_TRUE(ImportInfo(older).default_mappings.empty());
  EXPECT_EQ(ExportedInfo(PluginDescription{}).view()->mappings, nullptr);
}

TEST(BatchBridge, TheSweepOperationsMakeTheRoundTrip) {
  Batch original;
  Record present;
  present.operation = Operation::kPresent;
  present.entity = "invoice";
  present.source_id = "INV-1";
  Record end;
  end.operation = Operation::kSweepEnd;
  end.entity = "invoice";
  end.Set("sweep_id", Value::String("2026-12-02T01:00"));
  original.records = {present, end};
  ExportedBatch exported;
  exported.Build(original);
  EXPECT_EQ(exported.view()->records[0].operation, HUB_RECORD_PRESENT);
  EXPECT_EQ(exported.view()->records[1].operation, HUB_RECORD_SWEEP_END);
  Batch copy = ImportBatch(*exported.view());
  ASSERT_EQ(copy.records.size(), 2u);
  EXPECT_EQ(copy.records[0], present);
  EXPECT_EQ(copy.records[1], end);
  EXPECT_EQ(OperationFromC(4), std::nullopt);
}

TEST(EventBridge, RoundTripKeepsTheEventIdAndItsTime) {
  OutboundEvent original{"order.created", "order", "SO1", R"({"total":"12.50"})", "ev-42", 1'764'000'000'123};
  hub_outbound_event view = ToC(original);
  EXPECT_EQ(view.struct_size, sizeof(hub_outbound_event));
  OutboundEvent copy = FromC(view);
  EXPECT_EQ(copy.kind, original.kind);
  EXPECT_EQ(copy.entity, original.entity);
  EXPECT_EQ(copy.id, original.id);
  EXPECT_EQ(copy.payload_json, original.payload_json);
  EXPECT_EQ(copy.event_id, "ev-42");
  EXPECT_EQ(copy.occurred_at_unix_ms, 1'764'000'000'123);
}

TEST(EventBridge, AnEventOfAbi10HasNoIdAndTheSizeOfThe10Struct) {
  EXPECT_EQ(HUB_OUTBOUND_EVENT_SIZE_V1_0, sizeof(hub_str) * 4 + alignof(hub_str));
  OutboundEvent original{"k", "e", "1", "{}", "ev-1", 5};
  hub_outbound_event view = ToC(original);
  view.struct_size = HUB_OUTBOUND_EVENT_SIZE_V1_0;
  OutboundEvent copy = FromC(view);
  EXPECT_EQ(copy.id, "1");
  EXPECT_EQ(copy.event_id, "");
  EXPECT_EQ(copy.occurred_at_unix_ms, 0);
}

TEST(ErrorBridge, RoundTripKeepsCodeAndMessage) {
  hub_error error{};
  int32_t code = ExportError(Status::DataError("row 7: bad date"), &error);
  EXPECT_EQ(code, HUB_STATUS_DATA_ERROR);
  Status back = ImportError(code, error);
  EXPECT_EQ(back.code(), StatusCode::kDataError);
  EXPECT_EQ(back.message(), "row 7: bad date");
  EXPECT_TRUE(ImportError(HUB_STATUS_OK, error).ok());
}

TEST(ErrorBridge, TruncatesLongMessagesToTheBuffer) {
  hub_error error{};
  ExportError(Status::Internal(std::string(5000, 'x')), &error);
  EXPECT_EQ(ImportError(HUB_STATUS_INTERNAL, error).message(), std::string(HUB_ERROR_MESSAGE_CAPACITY - 1, 'x'));
}

TEST(ErrorBridge, UnknownCodesAndEmptyMessagesStillReadAsErrors) {
  hub_error error{};
  Status unknown = ImportError(99, error);
  EXPECT_EQ(unknown.code(), StatusCode::kInternal);
  EXPECT_EQ(unknown.message(), "failed without a message");
  EXPECT_EQ(ExportError(Status::NotFound("x"), nullptr), HUB_STATUS_NOT_FOUND);
}

}  // namespace
}  // namespace hub::sdk::detail
