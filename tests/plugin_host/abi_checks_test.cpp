#include "plugin_host/abi_checks.hpp"

#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "hub/sdk/version.hpp"

namespace hub::plugin_host {
namespace {

using ::testing::HasSubstr;

hub_abi_record Record(uint32_t major, uint32_t minor) { return {sizeof(hub_abi_record), major, minor, "0.1.0"}; }

TEST(AbiRecord, AcceptsTheHubsOwnVersionAndOlderMinors) {
  EXPECT_TRUE(CheckAbiRecordSize(Record(HUB_ABI_MAJOR, HUB_ABI_MINOR)).ok());
  EXPECT_TRUE(CheckAbiVersion(Record(HUB_ABI_MAJOR, HUB_ABI_MINOR)).ok());
  EXPECT_TRUE(CheckAbiVersion(Record(HUB_ABI_MAJOR, 0)).ok());
}

// The advice names the SDK release that exists: the HubSDK package this hub ships.
const std::string kRebuild = "rebuild the plugin against this hub's SDK (HubSDK " HUB_SDK_VERSION ")";

TEST(AbiRecord, RefusesOtherMajorsAndNewerMinorsSayingWhatToDo) {
  struct Case {
    hub_abi_record record;
    std::string reason;
  };
  std::string ours = AbiVersionText(HUB_ABI_MAJOR, HUB_ABI_MINOR);
  std::string major = std::to_string(HUB_ABI_MAJOR);
  const Case kCases[] = {
      {Record(HUB_ABI_MAJOR + 1, 0), "built for SDK ABI " + std::to_string(HUB_ABI_MAJOR + 1) +
                                         ".0, this hub speaks SDK ABI " + ours + ": " + kRebuild},
      {Record(0, 7), "built for SDK ABI 0.7, this hub speaks SDK ABI " + ours + ": " + kRebuild},
      {Record(HUB_ABI_MAJOR, HUB_ABI_MINOR + 3),
       "needs SDK ABI " + major + "." + std::to_string(HUB_ABI_MINOR + 3) + ", this hub speaks SDK ABI " + ours +
           ": upgrade the hub, or rebuild the plugin against HubSDK " HUB_SDK_VERSION},
  };
  for (const Case& c : kCases) {
    sdk::Status status = CheckAbiVersion(c.record);
    EXPECT_EQ(status.message(), c.reason);
  }
}

TEST(AbiRecord, RefusesARecordTooSmallToHoldItsVersions) {
  hub_abi_record record = Record(HUB_ABI_MAJOR, HUB_ABI_MINOR);
  record.struct_size = 8;
  EXPECT_THAT(CheckAbiRecordSize(record).message(), HasSubstr("the ABI record is too small (8 bytes"));
}

int32_t GetInfo(const hub_plugin_info**, hub_error*) { return HUB_STATUS_OK; }
int32_t Create(const hub_host_api*, hub_connector**, hub_error*) { return HUB_STATUS_OK; }
void Destroy(hub_connector*) {}
int32_t Configure(hub_connector*, const hub_option_value*, uint64_t, hub_error*) { return HUB_STATUS_OK; }
int32_t Read(hub_connector*, hub_str, uint64_t, const hub_batch**, hub_error*) { return HUB_STATUS_OK; }
int32_t Write(hub_connector*, const hub_outbound_event*, uint64_t, uint64_t*, hub_error*) { return HUB_STATUS_OK; }
int32_t Health(hub_connector*, hub_error*) { return HUB_STATUS_OK; }

hub_plugin_api CompleteTable() {
  return {sizeof(hub_plugin_api),
          HUB_ABI_MAJOR,
          HUB_ABI_MINOR,
          &GetInfo,
          &Create,
          &Destroy,
          &Configure,
          &Read,
          &Write,
          &Health};
}

TEST(ApiTable, AcceptsACompleteTableMatchingTheRecord) {
  hub_plugin_api table = CompleteTable();
  EXPECT_TRUE(CheckApiTable(&table, Record(HUB_ABI_MAJOR, HUB_ABI_MINOR)).ok());
}

TEST(ApiTable, RefusesMissingSmallInconsistentOrIncompleteTables) {
  struct Case {
    void (*damage)(hub_plugin_api&);
    std::string reason;
  };
  const Case kCases[] = {
      {[](hub_plugin_api& t) { t.struct_size = 12; }, "the function table is too small (12 bytes"},
      {[](hub_plugin_api& t) { t.abi_minor += 1; }, "the function table says ABI"},
      {[](hub_plugin_api& t) { t.abi_major += 1; }, "but the ABI record says"},
      {[](hub_plugin_api& t) { t.get_info = nullptr; }, "the function table lacks get_info"},
      {[](hub_plugin_api& t) { t.create = nullptr; }, "the function table lacks create"},
      {[](hub_plugin_api& t) { t.destroy = nullptr; }, "the function table lacks destroy"},
      {[](hub_plugin_api& t) { t.configure = nullptr; }, "the function table lacks configure"},
      {[](hub_plugin_api& t) { t.read_batch = nullptr; }, "the function table lacks read_batch"},
      {[](hub_plugin_api& t) { t.write_events = nullptr; }, "the function table lacks write_events"},
      {[](hub_plugin_api& t) { t.check_health = nullptr; }, "the function table lacks check_health"},
  };
  for (const Case& c : kCases) {
    hub_plugin_api table = CompleteTable();
    c.damage(table);
    EXPECT_THAT(CheckApiTable(&table, Record(HUB_ABI_MAJOR, HUB_ABI_MINOR)).message(), HasSubstr(c.reason));
  }
  EXPECT_THAT(CheckApiTable(nullptr, Record(HUB_ABI_MAJOR, HUB_ABI_MINOR)).message(),
              HasSubstr("returned no function table"));
}

TEST(PluginInfo, RefusesMissingOrMalformedInfo) {
  hub_option_spec spec{sizeof(hub_option_spec), "path", HUB_OPTION_PATH, nullptr, 1, "where"};
  hub_plugin_info info{sizeof(hub_plugin_info), "x",     "1.0.0", "connector", "", &spec, 1, nullptr,
                       HUB_CAPABILITY_READ,     nullptr, 0};
  EXPECT_TRUE(CheckInfo(&info).ok());
  EXPECT_THAT(CheckInfo(nullptr).message(), HasSubstr("get_info returned no description"));

  hub_plugin_info no_table = info;
  no_table.options = nullptr;
  EXPECT_THAT(CheckInfo(&no_table).message(), HasSubstr("declares 1 options but no option table"));

  hub_option_spec small_spec = spec;
  small_spec.struct_size = 4;
  hub_plugin_info bad_spec = info;
  bad_spec.options = &small_spec;
  EXPECT_THAT(CheckInfo(&bad_spec).message(), HasSubstr("option 0 is too small"));
}

TEST(PluginInfo, ChecksTheDefaultMappingTableOnlyWhenTheInfoDeclaresOne) {
  hub_default_mapping mapping{sizeof(hub_default_mapping), "odoo17", "Odoo 17", "<mappings/>"};
  hub_plugin_info info{sizeof(hub_plugin_info), "x",      "1.0.0", "connector", "", nullptr, 0, nullptr,
                       HUB_CAPABILITY_READ,     &mapping, 1};
  EXPECT_TRUE(CheckInfo(&info).ok());

  hub_plugin_info no_table = info;
  no_table.mappings = nullptr;
  EXPECT_THAT(CheckInfo(&no_table).message(), HasSubstr("declares 1 default mappings but no mapping table"));

  hub_default_mapping small = mapping;
  small.struct_size = 8;
  hub_plugin_info bad_entry = info;
  bad_entry.mappings = &small;
  EXPECT_THAT(CheckInfo(&bad_entry).message(), HasSubstr("default mapping 0 is too small"));

  hub_plugin_info of_abi_1_1 = no_table;  // the same garbage beyond a 1.1 info is never read
  of_abi_1_1.struct_size = offsetof(hub_plugin_info, mappings);
  EXPECT_TRUE(CheckInfo(&of_abi_1_1).ok());
}

sdk::PluginDescription Description(std::string name, std::string kind = "connector") {
  sdk::PluginDescription description;
  description.name = std::move(name);
  description.version = "1.0.0";
  description.kind = std::move(kind);
  return description;
}

TEST(PluginDescription, AcceptsLowercaseNamesWithDigitsAndUnderscores) {
  for (const char* name : {"file", "supply_chain", "odbc2", "a"}) {
    EXPECT_TRUE(CheckDescription(Description(name)).ok()) << name;
  }
}

TEST(PluginDescription, RefusesBadNamesKindsVersionsAndOptions) {
  struct Case {
    sdk::PluginDescription description;
    std::string reason;
  };
  sdk::PluginDescription no_version = Description("file");
  no_version.version.clear();
  sdk::PluginDescription bad_type = Description("file");
  bad_type.options.push_back({"path", static_cast<sdk::OptionType>(42), std::nullopt, false, ""});
  sdk::PluginDescription twice = Description("file");
  twice.options = {{"path", sdk::OptionType::kPath, std::nullopt, false, ""},
                   {"path", sdk::OptionType::kString, std::nullopt, false, ""}};
  sdk::PluginDescription unnamed = Description("file");
  unnamed.options.push_back({"", sdk::OptionType::kString, std::nullopt, false, ""});
  sdk::PluginDescription undeclared_id = Description("file");
  undeclared_id.record_id_option = "id_field";
  sdk::PluginDescription path_id = Description("file");
  path_id.options.push_back({"id_field", sdk::OptionType::kPath, std::nullopt, false, ""});
  path_id.record_id_option = "id_field";
  sdk::PluginDescription bad_mapping_name = Description("finance");
  bad_mapping_name.default_mappings = {{"Odoo-17", "", "<mappings/>"}};
  sdk::PluginDescription mapping_twice = Description("finance");
  mapping_twice.default_mappings = {{"odoo17", "", "<mappings/>"}, {"odoo17", "again", "<mappings/>"}};
  sdk::PluginDescription mapping_without_xml = Description("finance");
  mapping_without_xml.default_mappings = {{"odoo17", "", ""}};
  const Case kCases[] = {
      {Description(""), "the plugin declares no name"},
      {Description("File"), "plugin name 'File' is invalid: use lowercase letters, digits and '_'"},
      {Description("my-file"), "plugin name 'my-file' is invalid"},
      {Description("a b"), "plugin name 'a b' is invalid"},
      {Description("file", "exporter"), "plugin kind 'exporter' is not supported"},
      {Description("file", ""), "plugin kind '' is not supported"},
      {no_version, "the plugin declares no version"},
      {bad_type, "option 'path' has unknown type 42"},
      {twice, "option 'path' is declared twice"},
      {unnamed, "an option declares no name"},
      {undeclared_id, "the record id option 'id_field' is not one of the plugin's string options"},
      {path_id, "the record id option 'id_field' is not one of the plugin's string options"},
      {bad_mapping_name, "default mapping name 'Odoo-17' is invalid: use lowercase letters, digits and '_'"},
      {mapping_twice, "default mapping 'odoo17' is declared twice"},
      {mapping_without_xml, "default mapping 'odoo17' has no xml"},
  };
  for (const Case& c : kCases) {
    EXPECT_THAT(CheckDescription(c.description).message(), HasSubstr(c.reason));
  }
}

struct BatchParts {
  std::vector<hub_field> fields{hub_field{}};
  std::vector<hub_record> records = std::vector<hub_record>(2);
  hub_batch batch{};
  BatchParts() {
    for (hub_record& record : records) {
      record.struct_size = sizeof(hub_record);
      record.fields = fields.data();
      record.field_count = fields.size();
    }
    batch.struct_size = sizeof(hub_batch);
    batch.records = records.data();
    batch.record_count = records.size();
    batch.total_hint = -1;
  }
};

TEST(Batch, AcceptsAWellFormedBatchWithinTheLimit) {
  BatchParts parts;
  EXPECT_TRUE(CheckBatch(&parts.batch, 2).ok());
}

TEST(Batch, AcceptsEveryOperationOfAbi12) {
  for (int32_t operation : {HUB_RECORD_UPSERT, HUB_RECORD_DELETE, HUB_RECORD_PRESENT, HUB_RECORD_SWEEP_END}) {
    BatchParts parts;
    parts.records[0].operation = operation;
    EXPECT_TRUE(CheckBatch(&parts.batch, 2).ok()) << operation;
  }
}

TEST(Batch, RefusesMalformedOrOversizedBatchesAsInternalErrors) {
  struct Case {
    void (*damage)(BatchParts&);
    std::uint64_t max_records;
    std::string reason;
  };
  const Case kCases[] = {
      {[](BatchParts&) {}, 1, "returned 2 records, more than the 1 asked for"},
      {[](BatchParts& p) { p.batch.struct_size = 4; }, 2, "the batch is too small (4 bytes"},
      {[](BatchParts& p) { p.batch.records = nullptr; }, 2, "returned 2 records but no record array"},
      {[](BatchParts& p) { p.records[1].struct_size = 0; }, 2, "record 1 is too small"},
      {[](BatchParts& p) { p.records[0].fields = nullptr; }, 2, "record 0 declares 1 fields but no field array"},
      {[](BatchParts& p) { p.records[1].operation = 7; }, 2, "record 1 has unknown operation 7"},
      {[](BatchParts& p) { p.records[0].operation = -1; }, 2, "record 0 has unknown operation -1"},
  };
  for (const Case& c : kCases) {
    BatchParts parts;
    c.damage(parts);
    sdk::Status status = CheckBatch(&parts.batch, c.max_records);
    EXPECT_EQ(status.code(), sdk::StatusCode::kInternal);
    EXPECT_THAT(status.message(), HasSubstr(c.reason));
  }
  EXPECT_THAT(CheckBatch(nullptr, 2).message(), HasSubstr("returned no batch"));
}

}  // namespace
}  // namespace hub::plugin_host
