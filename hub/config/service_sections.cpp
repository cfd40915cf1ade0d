// The sections that set up the service itself: <store>, <plugins>, <runtime>, <logging>.
#include <string>

#include "config/element_reader.hpp"
#include "config/sections.hpp"

namespace hub::config {
namespace {

constexpr std::int64_t kMaxThreads = 64;
constexpr std::chrono::milliseconds kMinLease{1000};

}  // namespace

void ParseStore(LoadContext& context, pugi::xml_node store, StoreConfig* out) {
  CheckShape(context, store, {.children = {"connection"}});
  for (pugi::xml_node connection : store.children("connection")) {
    CheckShape(context, connection, {.text = true});
    auto value = ReadText(context, connection);
    if (!value) continue;
    if (value->text.empty()) {
      context.Error(value->location, "<connection> is empty; write an ODBC connection string");
      continue;
    }
    out->connection_strings.push_back(std::move(value->text));
  }
  if (!store.child("connection")) {
    context.Error(context.At(store), "<store> needs at least one <connection> (an ODBC connection string)");
  }
}

void ParsePlugins(LoadContext& context, pugi::xml_node plugins, HubConfig* config) {
  CheckShape(context, plugins, {.attributes = {"dir", "system"}, .children = {"dir"}});
  if (auto dir = ReadPath(context, plugins, "dir", Presence::kOptional)) config->plugin_dirs.push_back(std::move(*dir));
  for (pugi::xml_node child : plugins.children("dir")) {
    CheckShape(context, child, {.text = true});
    auto value = ReadText(context, child);
    if (!value) continue;
    if (value->text.empty()) {
      context.Error(value->location, "<dir> is empty; write the path of a plugin folder");
      continue;
    }
    config->plugin_dirs.push_back(context.Absolute(value->text));
  }
  if (auto system = ReadBoolean(context, plugins, "system")) config->system_plugins = *system;
  if (config->plugin_dirs.empty() && !config->system_plugins) {
    context.Error(context.At(plugins),
                  "<plugins> names no folder: give dir=\"...\", a <dir> child, or leave system=\"true\"");
  }
}

void ParseRuntime(LoadContext& context, pugi::xml_node runtime, RuntimeConfig* out) {
  CheckShape(context, runtime, {.attributes = {"io_threads", "worker_threads", "lease", "outbox_retention"}});
  if (auto io = ReadInteger(context, runtime, "io_threads", 1, kMaxThreads)) out->io_threads = static_cast<int>(*io);
  if (auto workers = ReadInteger(context, runtime, "worker_threads", 1, kMaxThreads)) {
    out->worker_threads = static_cast<int>(*workers);
  }
  if (auto lease = ReadDuration(context, runtime, "lease")) {
    // Renewed between batches: a lease shorter than a batch takes would pass to another hub mid-run.
    if (*lease < kMinLease) {
      context.Error(context.At(runtime.attribute("lease")),
                    "<runtime> attribute 'lease': '" + std::to_string(lease->count()) + "ms' is shorter than 1s");
    } else {
      out->lease = *lease;
    }
  }
  if (auto retention = ReadDuration(context, runtime, "outbox_retention")) out->outbox_retention = *retention;
}

void ParseLogging(LoadContext& context, pugi::xml_node logging, LogSettings* out) {
  CheckShape(context, logging, {.attributes = {"level", "format", "file"}});
  auto level = ReadAttribute(context, logging, "level", Presence::kOptional);
  if (level && !ParseLogLevel(level->text, &out->level)) {
    context.Error(level->location, "<logging> attribute 'level': '" + level->shown +
                                       "' is not one of: trace, debug, info, warn, error, off");
  }
  if (auto format = ReadChoice(context, logging, "format", {"text", "json"})) {
    out->format = *format == "json" ? LogFormat::kJson : LogFormat::kText;
  }
  if (auto file = ReadPath(context, logging, "file", Presence::kOptional)) out->file = file->string();
}

}  // namespace hub::config
