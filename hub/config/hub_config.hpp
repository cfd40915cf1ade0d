// The service's configuration as loaded from one XML file (see docs/CONFIGURATION.md).
#ifndef HUB_CONFIG_HUB_CONFIG_HPP_
#define HUB_CONFIG_HUB_CONFIG_HPP_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/logging.hpp"
#include "leads/lead_rules.hpp"

namespace hub::config {

// Where something was written: "config/hub.xml:12".
struct SourceLocation {
  std::filesystem::path file;
  int line = 0;
  std::string ToString() const { return file.string() + ":" + std::to_string(line); }
};

struct StoreConfig {
  std::vector<std::string> connection_strings;  // priority order; secrets already resolved
};

enum class Role { kRead = 1, kOperate = 2, kAdmin = 3 };  // each role includes the ones below it

struct TokenConfig {
  std::string name;        // who holds it, for logs and audit
  std::string sha256_hex;  // lowercase hex SHA-256 of the bearer token; the token itself is never configured
  Role role = Role::kRead;
};

struct TlsConfig {
  std::filesystem::path certificate_chain;  // PEM, absolute
  std::filesystem::path private_key;        // PEM, absolute
};

struct ApiConfig {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  std::size_t max_body_bytes = 1 << 20;
  std::chrono::milliseconds request_timeout{30'000};
  // How long a connection may wait for its next request (or its first) before it is closed; the
  // request_timeout when not written.
  std::chrono::milliseconds idle_timeout{30'000};
  // Connections served in full. At the limit an idle one is closed to make room; when none is idle, a new
  // connection serves only the routes kept under load (/health, /metrics) and refuses the rest with 503.
  std::size_t max_connections = 256;
  // Connections one client address may hold; beyond it its own idle ones make room, or it is refused 429.
  // At or above max_connections: no limit per address.
  std::size_t max_connections_per_client = 64;
  std::optional<TlsConfig> tls;
  // false only when <auth required="false"/> is written, and allowed only on a loopback address.
  bool auth_required = true;
  std::vector<TokenConfig> tokens;
  // The source system of the calls posted to POST /api/v1/calls (<api calls_source_system="pbx">): their call
  // ids are its activities' source ids. The call_center connector instance's name makes a posted call and the
  // same call's CDR (its linkedid) one activity.
  std::string calls_source_system = "call_center_api";
  // The source system of the leads posted to POST /api/v1/leads (<api leads_source_system="web">): their
  // idempotency keys are its leads' source ids.
  std::string leads_source_system = "lead_intake_api";
};

struct RuntimeConfig {
  int io_threads = 2;      // Asio threads serving the API and timers
  int worker_threads = 4;  // blocking work: connector reads, store access
  // How long a hub's claim on a sync job or a delivery lane lasts without renewal (<runtime lease="30s">):
  // when its holder dies, another hub on the same store takes the work over after at most this long.
  std::chrono::milliseconds lease{30'000};
  // How long an outbox row every subscriber has passed is kept, published, before it is deleted
  // (<runtime outbox_retention="7d">): the time an operator has to look at what was sent.
  std::chrono::milliseconds outbox_retention{std::chrono::hours(24 * 7)};
};

// One configured connector instance: <connector name="crm" plugin="file"> with its option elements.
struct ConnectorConfig {
  std::string name;
  std::string plugin;
  SourceLocation location;
  struct Option {
    std::string name;
    std::string value;  // ${env:..}/${file:..} already resolved
    SourceLocation location;
  };
  std::vector<Option> options;  // as written; validated against the plugin's schema separately
};

// <table name="countries"> inside <code_tables>: codes as sources write them, and the value each stands for.
struct CodeTableConfig {
  std::string name;
  struct Entry {
    std::string code;  // unique within the table, non-empty
    std::string value;
    SourceLocation location;
  };
  std::vector<Entry> entries;  // as written
  SourceLocation location;
};

// A text transform of a mapped field (transform="trim|nfkc|collapse_spaces"), applied in the order written.
enum class MappingTransform {
  kTrim,            // white space (ASCII and Unicode, e.g. U+3000) removed at both ends
  kUpper,           // Unicode upper case
  kLower,           // Unicode lower case
  kNfkc,            // Unicode NFKC: full-width letters, digits and punctuation to their usual forms
  kCollapseSpaces,  // every run of white space becomes one ASCII space
  kDigitsOnly,      // only the digits 0-9 are kept (full-width digits become ASCII)
};

// number="decimal=,|thousands=.|currency=¥,元|scale=2": how a source text is read as a number.
struct NumberFormatConfig {
  char decimal = '.';
  // Grouping separators allowed between the digits of the integer part (and dropped). Default: "," when
  // the decimal separator is ".", "." when it is ","; empty for thousands=none.
  std::vector<std::string> thousands = {","};
  std::vector<std::string> currency;  // symbols or codes allowed (and dropped) before or after the number
  std::optional<int> scale;           // digits after the point in the result, padded with zeros
};

// One <field> of a <mapping>: how one model field is filled. Exactly one of `sources` (source= names one
// field, concat= two or more) and `constant` (value=) is set; a constant takes none of the value options.
struct MappingFieldConfig {
  std::string target;                   // the model field
  std::vector<std::string> sources;     // source fields, in order; empty for a constant
  std::optional<std::string> constant;  // value="..."
  std::string separator = " ";          // between the non-empty parts of a concat
  std::vector<MappingTransform> transforms;
  std::string lookup;                        // code table name; empty: none
  std::optional<std::string> default_value;  // used when the value is empty or not in the code table
  std::vector<std::string> date_formats;     // strptime-like, tried in order; checked when compiled
  std::optional<NumberFormatConfig> number;
  bool required = false;  // empty after transforms and default: the record is rejected
  std::string system;     // system="erp": a reference holds source ids of that system; empty: the record's own
  SourceLocation location;
};

// <mapping entity="party" id="客户编号"> inside <job>: which model entity the job fills and how. Targets,
// types and formats are checked against the model when the mapping is compiled (sync/mapping/).
//
// use="odoo17" takes a default mapping set that the job's connector's plugin declares: without entity=, the
// set whole (then it has no id= and no <field>s); with entity=, that entity's mapping of the set, its id= and
// <field>s replacing the set's (a field of a target the set does not map is added). Once the plugins are
// loaded (ResolveMappingUses), every mapping of a job names its entity, and one taken from a set keeps the
// set's name in `use` and its code tables in `scoped_tables`.
struct MappingConfig {
  std::string entity;     // empty only for a set taken whole, before it is resolved
  std::string id_source;  // source field holding the source id; empty: the record's own source id
  std::string use;        // the default mapping set it comes from; empty: written in the configuration alone
  std::vector<MappingFieldConfig> fields;  // targets unique
  // The <code_tables> of the set it comes from, which its lookups see beneath the configuration's own: a
  // <table> of the same name in <code_tables> wins.
  std::vector<CodeTableConfig> scoped_tables;
  SourceLocation location;
};

// What a job does (<job kind="sync|delivery|customer_care|match|funnel_alerts|lead_sla">; sync when kind= is
// absent). Later kinds (reminders) are further values.
enum class JobKind {
  kSync,          // reads records from its connector into the store, through its <mapping>
  kDelivery,      // hands the store's change events to its connector (a subscription)
  kCustomerCare,  // appends greeting events (birthdays, holidays) for the store's contacts; no connector
  kMatch,         // runs the matcher over the store's parties: pairs, review queue, golden records (no connector)
  kFunnelAlerts,  // raises the funnel's alerts against <leads><funnel> as outbox events (no connector)
  kLeadSla,       // routes again the leads whose owner let <leads><routing sla_hours> pass (no connector)
};

// What a customer-care job greets: its <birthday/> and <holiday> children, timezone= and days_ahead=.
struct CareConfig {
  // <holiday name="spring_festival" title="春节" calendar="chinese" month="1" day="1"/>, or date="2027-10-01"
  // for that one day (gregorian) instead of month= and day=.
  struct Holiday {
    enum class Calendar {
      kGregorian,  // the default
      kChinese,    // the Chinese lunisolar calendar: month 1..12 (never a leap month), day 1..30
    };
    std::string name;   // [a-z0-9_]+, unique in the job: the key of its greetings
    std::string title;  // what templates show (title=); the name when not given
    Calendar calendar = Calendar::kGregorian;
    int month = 0;     // 1..12; 0 when `date` is set
    int day = 0;       // 1..31 (chinese: 1..30); 0 when `date` is set
    std::string date;  // "YYYY-MM-DD", a valid date; empty unless date= was given
    SourceLocation location;
  };
  bool birthdays = false;  // <birthday/> present
  std::vector<Holiday> holidays;
  std::string time_zone = "UTC";  // timezone=: an IANA zone whose local day a run greets (checked by the setup)
  int days_ahead = 0;             // days_ahead=: greet this many days before the occasion (0..30)
};

// What a delivery job receives and how it retries: its <subscribe>, <filter> and <retry> children and its
// start= and lanes= attributes. The subscriber's name is the job's name.
struct SubscriptionConfig {
  // <subscribe entity="party" kinds="party.created party.updated">: either may be empty (any).
  // document="true" (entity= given) has the delivery put the entity's event document into the payload.
  struct Events {
    std::string entity;
    std::vector<std::string> kinds;
    bool document = false;
    SourceLocation location;
  };
  std::vector<Events> events;  // an event matches one of them; empty: every event
  // <filter field="country" in="CN HK"> or equals="CN": a top-level field of the event's payload whose
  // text is one of the values; an event without the field does not match. not_in="CN HK" (`excluded`):
  // its text is none of them, which an event without the field satisfies. Filters are ANDed.
  struct Filter {
    std::string field;
    std::vector<std::string> values;
    bool excluded = false;
    SourceLocation location;
  };
  std::vector<Filter> filters;
  // <retry max_attempts="10" backoff="1s" max_backoff="10m">: attempts before an event is a dead letter,
  // and the first and the longest wait between them (doubling, with jitter).
  int max_attempts = 10;
  std::chrono::milliseconds backoff{1000};
  std::chrono::milliseconds max_backoff{600'000};
  enum class Start {
    kBeginning,  // the first run delivers every event already in the store
    kLatest,     // the first run starts after the events already there
  };
  Start start = Start::kBeginning;
  int lanes = 8;  // events of one aggregate stay in order within their lane; lanes go on independently
};

// <job name="customers" connector="crm" cron="*/5 * * * *"> or every="5m"; neither: run on demand only.
// A sync job has one or more <mapping>s, at most one per entity (a job without one is refused at load): a job
// says where its records go. With one mapping, every record is mapped with it; with several, each record by
// the mapping of its Record::entity. A delivery job has none; its subscription says which events it hands to
// its connector. A customer_care job has neither, nor a connector (`connector` is empty): its CareConfig says
// what it greets, and batch_size is the recipients per store transaction (500). A match job has no connector
// either; its <source_priority>erp crm</source_priority> names the source systems whose values a golden record
// takes first, and on_arrival="false" keeps parties synced from being matched on arrival under its model. A
// funnel_alerts job holds nothing but its name and schedule: the norms are <leads><funnel>'s; nor does a lead_sla
// job: its rules are <leads><routing>'s.
struct JobConfig {
  std::string name;
  JobKind kind = JobKind::kSync;
  std::string connector;
  std::string cron;                                // empty unless a cron expression was given
  std::optional<std::chrono::milliseconds> every;  // set when an interval was given
  std::size_t batch_size = 1000;                   // records per store transaction; events per delivery (500)
  std::vector<MappingConfig> mappings;             // sync jobs only: as written, then resolved (see MappingConfig)
  SubscriptionConfig subscription;                 // delivery jobs only
  CareConfig care;                                 // customer_care jobs only
  std::vector<std::string> source_priority;        // match jobs only: source systems, most trusted first
  bool on_arrival = true;                          // match jobs only: parties synced are matched on arrival
  SourceLocation location;
};

// "sync", "delivery", "customer_care", "match", "funnel_alerts", "lead_sla": as written in kind=.
std::string_view JobKindName(JobKind kind);

// <leads>: the rules applied to every new lead, whichever way it arrives (docs/CONFIGURATION.md#leads). The
// lead rules' own type, so that the model layer's lead extensions take them as configured
// (store_model::WriteRules); each concern is a member of its own (`classification`), defaults when not written.
using LeadsConfig = leads::LeadRules;

struct HubConfig {
  std::filesystem::path file;      // absolute path of the file loaded
  std::filesystem::path base_dir;  // its folder: relative paths inside are resolved against it
  std::string instance_name = "hub";
  StoreConfig store;
  // Where plugins are loaded from, in order (see <plugins>): the configured folders, absolute, then the
  // installed system folder when `system_plugins` is set.
  std::vector<std::filesystem::path> plugin_dirs;
  bool system_plugins = true;
  ApiConfig api;
  RuntimeConfig runtime;
  LogSettings logging;
  std::vector<ConnectorConfig> connectors;
  std::vector<JobConfig> jobs;
  std::vector<CodeTableConfig> code_tables;  // names unique
  LeadsConfig leads;

  const ConnectorConfig* FindConnector(std::string_view name) const {
    for (const auto& connector : connectors) {
      if (connector.name == name) return &connector;
    }
    return nullptr;
  }
  const CodeTableConfig* FindCodeTable(std::string_view name) const {
    for (const auto& table : code_tables) {
      if (table.name == name) return &table;
    }
    return nullptr;
  }
};

}  // namespace hub::config

#endif  // HUB_CONFIG_HUB_CONFIG_HPP_
