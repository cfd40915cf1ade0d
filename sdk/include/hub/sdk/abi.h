/*
 * The binary boundary between the hub and a plugin: plain C, nothing else.
 *
 * A plugin exports exactly two Boost.DLL aliases (section "boostdll"):
 *   hub_plugin_abi   -> const hub_abi_record   (data: read by the host before any plugin call)
 *   hub_plugin_entry -> hub_plugin_entry_fn    (returns the table of function pointers)
 *
 * Rules that keep the boundary stable across compilers and C++ standard libraries:
 *   - Only C types cross it: fixed-width integers, doubles, pointers to such, and the structs below.
 *   - Every struct starts with `struct_size`; a newer minor version only appends members, and a reader
 *     uses a member only when `struct_size` covers it.
 *   - An array of structs is laid out with the struct as the receiver's minor knows it: the host hands a
 *     plugin built for an older minor its arrays in that minor's layout (see hub_outbound_event).
 *   - No exception crosses it: every function returns a hub_status_code and fills a hub_error on failure.
 *   - Memory is owned by whoever allocated it. Strings and arrays handed out by the plugin stay valid until
 *     the next call on the same connector (or its destruction); strings handed in by the host are valid
 *     only for the duration of the call.
 *   - A connector object is used by one thread at a time; different connectors may run concurrently.
 *
 * Version policy: the host refuses a plugin whose major differs from its own, or whose minor is newer.
 * ABI 1.1 appended: hub_outbound_event.event_id and occurred_at_unix_ms, hub_plugin_info.record_id_option
 * and capabilities. A plugin built for 1.0 loads and works unchanged.
 * ABI 1.2 appended: hub_plugin_info.mappings and mapping_count (default mappings the plugin declares), the
 * record operations HUB_RECORD_PRESENT and HUB_RECORD_SWEEP_END (a key-set sweep), and hub_host_api.add_count.
 * A plugin built for 1.0 or 1.1 loads and works unchanged.
 * Authors never include this header directly: <hub/sdk/sdk.hpp> wraps it in ordinary C++.
 */
#ifndef HUB_SDK_ABI_H_
#define HUB_SDK_ABI_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define HUB_ABI_MAJOR 1
#define HUB_ABI_MINOR 2
#define HUB_ERROR_MESSAGE_CAPACITY 1024

/* Names of the two exported aliases. */
#define HUB_PLUGIN_ABI_SYMBOL "hub_plugin_abi"
#define HUB_PLUGIN_ENTRY_SYMBOL "hub_plugin_entry"

typedef enum hub_status_code {
  HUB_STATUS_OK = 0,
  HUB_STATUS_INVALID_ARGUMENT = 1,
  HUB_STATUS_NOT_FOUND = 2,
  HUB_STATUS_IO_ERROR = 3,
  HUB_STATUS_UNAVAILABLE = 4,
  HUB_STATUS_CANCELLED = 5,
  HUB_STATUS_UNIMPLEMENTED = 6,
  HUB_STATUS_DATA_ERROR = 7,
  HUB_STATUS_INTERNAL = 8
} hub_status_code;

typedef enum hub_log_level {
  HUB_LOG_TRACE = 0,
  HUB_LOG_DEBUG = 1,
  HUB_LOG_INFO = 2,
  HUB_LOG_WARN = 3,
  HUB_LOG_ERROR = 4
} hub_log_level;

/* A UTF-8 string that is not necessarily NUL-terminated. */
typedef struct hub_str {
  const char* data;
  uint64_t size;
} hub_str;

/* Filled by the callee on failure; the caller owns the storage. */
typedef struct hub_error {
  uint32_t struct_size;
  int32_t code; /* hub_status_code */
  char message[HUB_ERROR_MESSAGE_CAPACITY];
} hub_error;

/* Exported as data under HUB_PLUGIN_ABI_SYMBOL: readable without calling plugin code. */
typedef struct hub_abi_record {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  const char* sdk_version; /* the SDK release the plugin was built with, e.g. "0.1.0" */
} hub_abi_record;

typedef enum hub_value_type {
  HUB_VALUE_NULL = 0,
  HUB_VALUE_STRING = 1,
  HUB_VALUE_INT64 = 2,
  HUB_VALUE_DOUBLE = 3,
  HUB_VALUE_BOOL = 4,
  HUB_VALUE_DECIMAL = 5,  /* text, e.g. "-1234.50": exact amounts never go through a double */
  HUB_VALUE_DATE = 6,     /* text, ISO 8601 "YYYY-MM-DD" */
  HUB_VALUE_TIMESTAMP = 7 /* int64: milliseconds since the Unix epoch, UTC */
} hub_value_type;

typedef struct hub_value {
  int32_t type; /* hub_value_type */
  int32_t boolean;
  int64_t integer;
  double real;
  hub_str text;
} hub_value;

typedef struct hub_field {
  hub_str name;
  hub_value value;
} hub_field;

/* What a record says about its source row. PRESENT and SWEEP_END (ABI 1.2) make up a key-set sweep: a
   connector that lists every id it still holds sends one PRESENT record per id (only entity, source_system and
   source_id are read; fields may be empty), then one SWEEP_END record of that entity with the field "sweep_id";
   the hub then deletes every record of (source_system, entity) the sweep did not list. */
typedef enum hub_record_operation {
  HUB_RECORD_UPSERT = 0,
  HUB_RECORD_DELETE = 1,
  HUB_RECORD_PRESENT = 2,  /* appended in ABI 1.2: the record still exists in the source */
  HUB_RECORD_SWEEP_END = 3 /* appended in ABI 1.2: the sweep of this entity has listed every id */
} hub_record_operation;

typedef struct hub_record {
  uint32_t struct_size;
  int32_t operation;     /* hub_record_operation */
  hub_str entity;        /* kind of thing: "party", "contact", "invoice", ... */
  hub_str source_system; /* empty: the connector instance's configured name */
  hub_str source_id;     /* stable identity in the source system */
  hub_str cursor;        /* position after this record; resuming from it never skips a later record */
  hub_str position;      /* human-readable origin for errors, e.g. "customers.csv:42" */
  hub_str rejection;     /* non-empty: the source could not read this record; the reason, for quarantine */
  const hub_field* fields;
  uint64_t field_count;
} hub_record;

typedef struct hub_batch {
  uint32_t struct_size;
  const hub_record* records;
  uint64_t record_count;
  hub_str next_cursor; /* the cursor to pass to the next read */
  int32_t end_of_data; /* nonzero: nothing more to read for now */
  int64_t total_hint;  /* records in the whole source when known, else -1 (progress display) */
} hub_batch;

/* One change sent to a system. write_events answers in *accepted how many events, from the first, the
   system took; on failure, the code says what to do with the first one it did not take:
   HUB_STATUS_UNAVAILABLE or HUB_STATUS_IO_ERROR: try it again later (the system is down, a timeout);
   HUB_STATUS_INVALID_ARGUMENT or HUB_STATUS_DATA_ERROR: the system refuses this event for good. */
typedef struct hub_outbound_event {
  uint32_t struct_size;
  hub_str kind; /* e.g. "party.updated" */
  hub_str entity;
  hub_str id;
  hub_str payload_json;
  /* Appended in ABI 1.1. The event's own id, the same on every attempt to deliver it: the receiver's
     idempotency key. When the first event is handed over once again, the system has it already or not. */
  hub_str event_id;
  int64_t occurred_at_unix_ms; /* when the change was committed */
} hub_outbound_event;

/* The size of hub_outbound_event in ABI 1.0: the stride of the events handed to a 1.0 plugin. */
#define HUB_OUTBOUND_EVENT_SIZE_V1_0 (offsetof(hub_outbound_event, event_id))

/* What a connector can do (hub_plugin_info.capabilities). */
typedef enum hub_capability {
  HUB_CAPABILITY_READ = 1,        /* read_batch reads records: it can serve sync jobs */
  HUB_CAPABILITY_WRITE_EVENTS = 2 /* write_events delivers events: it can be a subscriber */
} hub_capability;

typedef enum hub_option_type {
  HUB_OPTION_STRING = 0,
  HUB_OPTION_INTEGER = 1,
  HUB_OPTION_BOOLEAN = 2,
  HUB_OPTION_PATH = 3,    /* relative paths are resolved against the configuration file's folder */
  HUB_OPTION_SECRET = 4,  /* never logged; usually given as ${env:...} or ${file:...}; an SQLite ODBC
                             connection string's relative Database= is resolved like a path */
  HUB_OPTION_DURATION = 5 /* "30s", "5m", "2h", "1d" or milliseconds */
} hub_option_type;

/* One key of a plugin's configuration section: the schema the host validates against. */
typedef struct hub_option_spec {
  uint32_t struct_size;
  const char* name;
  int32_t type;              /* hub_option_type */
  const char* default_value; /* NULL: no default */
  int32_t required;
  const char* description;
} hub_option_spec;

/* A mapping the plugin ships for a standard system (ABI 1.2), which a job takes with <mapping use="name"/>.
   `xml` is one <mappings> document: <mapping entity="..."> elements, as in the hub's configuration, and an
   optional <code_tables> scoped to them. All strings are NUL-terminated and live as long as the library. */
typedef struct hub_default_mapping {
  uint32_t struct_size;
  const char* name; /* unique within the plugin, [a-z0-9_]+, e.g. "odoo17" */
  const char* description;
  const char* xml;
} hub_default_mapping;

typedef struct hub_plugin_info {
  uint32_t struct_size;
  const char* name;    /* unique, [a-z0-9_]+ */
  const char* version; /* the plugin's own semver */
  const char* kind;    /* "connector" */
  const char* description;
  const hub_option_spec* options;
  uint64_t option_count;
  /* Appended in ABI 1.1; read only when struct_size covers it. The name of the option whose value names
     the field giving each record's source_id; NULL or "": none (a 1.0 plugin: none). */
  const char* record_id_option;
  /* hub_capability bits (a 1.0 plugin: read and write_events, which answers UNIMPLEMENTED if it cannot). */
  uint32_t capabilities;
  /* Appended in ABI 1.2; read only when struct_size covers them. The default mappings the plugin declares
     (a 1.0 or 1.1 plugin: none). */
  const hub_default_mapping* mappings;
  uint64_t mapping_count;
} hub_plugin_info;

typedef struct hub_option_value {
  hub_str name;
  hub_str value;
} hub_option_value;

typedef void (*hub_string_sink)(void* sink_context, hub_str value);

/* Services the host lends a connector for its whole life. All functions are thread-safe. */
typedef struct hub_host_api {
  uint32_t struct_size;
  void* host;
  int32_t (*log_enabled)(void* host, int32_t level);
  void (*log)(void* host, int32_t level, hub_str message);
  int64_t (*now_unix_ms)(void* host);
  int32_t (*is_cancelled)(void* host);
  /* Resolves "${env:NAME}" / "${file:PATH}"; the value is handed to sink, never stored by the host. */
  int32_t (*resolve_secret)(void* host, hub_str reference, hub_string_sink sink, void* sink_context, hub_error* error);
  /* Appended in ABI 1.2; a plugin calls it only when struct_size covers it. Adds delta to the connector
     instance's counter (e.g. "files_archived"), which the hub publishes in /metrics. */
  void (*add_count)(void* host, hub_str counter, int64_t delta);
} hub_host_api;

/* The size of hub_host_api in ABI 1.0 and 1.1, which a plugin accepts from an older host. */
#define HUB_HOST_API_SIZE_V1_0 (offsetof(hub_host_api, add_count))

typedef struct hub_connector hub_connector; /* opaque, owned by the plugin */

typedef struct hub_plugin_api {
  uint32_t struct_size;
  uint32_t abi_major;
  uint32_t abi_minor;
  /* The info stays valid while the library is loaded. */
  int32_t (*get_info)(const hub_plugin_info** info, hub_error* error);
  /* host must outlive the connector. */
  int32_t (*create)(const hub_host_api* host, hub_connector** connector, hub_error* error);
  void (*destroy)(hub_connector* connector);
  int32_t (*configure)(hub_connector* connector, const hub_option_value* options, uint64_t option_count,
                       hub_error* error);
  /* *batch stays valid until the next call on this connector. */
  int32_t (*read_batch)(hub_connector* connector, hub_str cursor, uint64_t max_records, const hub_batch** batch,
                        hub_error* error);
  int32_t (*write_events)(hub_connector* connector, const hub_outbound_event* events, uint64_t count,
                          uint64_t* accepted, hub_error* error);
  int32_t (*check_health)(hub_connector* connector, hub_error* error);
} hub_plugin_api;

typedef const hub_plugin_api* (*hub_plugin_entry_fn)(void);

#ifdef __cplusplus
}
#endif

#endif /* HUB_SDK_ABI_H_ */
