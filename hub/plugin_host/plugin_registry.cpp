#include "plugin_host/plugin_registry.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <system_error>
#include <utility>

namespace hub::plugin_host {
namespace {

bool HasLibrarySuffix(const std::filesystem::path& file) {
  static const std::string kSuffix = boost::dll::shared_library::suffix().string();
  std::string name = file.filename().string();
  return name.size() > kSuffix.size() && name.ends_with(kSuffix);
}

// The candidate plugin files of `dir`, sorted by name.
sdk::Result<std::vector<std::filesystem::path>> ListPluginFiles(const std::filesystem::path& dir) {
  std::error_code error;
  if (!std::filesystem::exists(dir, error)) {
    return sdk::Status::NotFound("plugin folder '" + dir.string() + "' does not exist");
  }
  if (!std::filesystem::is_directory(dir, error)) {
    return sdk::Status::InvalidArgument("plugin folder '" + dir.string() + "' is not a folder");
  }
  std::vector<std::filesystem::path> files;
  std::filesystem::directory_iterator it(dir, error);
  for (; !error && it != std::filesystem::directory_iterator(); it.increment(error)) {
    std::error_code type_error;
    if (it->is_regular_file(type_error) && HasLibrarySuffix(it->path())) files.push_back(it->path());
  }
  if (error) return sdk::Status::IoError("cannot list plugin folder '" + dir.string() + "': " + error.message());
  std::sort(files.begin(), files.end());
  return files;
}

// Reasons come from plugins and loaders; keep them to the one line `hub plugins` promises.
std::string OneLine(std::string text) {
  std::replace_if(
      text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return text;
}

}  // namespace

std::filesystem::path SystemPluginFolder() { return HUB_SYSTEM_PLUGIN_DIR; }

sdk::Result<PluginRegistry> PluginRegistry::Load(const std::filesystem::path& dir, Logger logger) {
  return Load(std::vector<PluginFolder>{{dir, true}}, std::move(logger));
}

sdk::Result<PluginRegistry> PluginRegistry::Load(const std::vector<PluginFolder>& folders, Logger logger) {
  if (logger == nullptr) logger = MakeLogger("plugin_host");
  std::vector<std::vector<std::filesystem::path>> listed;
  std::set<std::filesystem::path> searched;  // each folder once, however it was written
  for (const PluginFolder& folder : folders) {
    std::error_code error;
    if (!folder.required && !std::filesystem::is_directory(folder.path, error)) continue;
    sdk::Result<std::vector<std::filesystem::path>> files = ListPluginFiles(folder.path);
    if (!files.ok()) return files.status();
    const std::filesystem::path canonical = std::filesystem::weakly_canonical(folder.path, error);
    if (!searched.insert(error ? folder.path.lexically_normal() : canonical).second) continue;
    listed.push_back(std::move(files).value());
  }
  PluginRegistry registry;
  std::map<std::filesystem::path, std::filesystem::path> first_of_name;  // file name -> the file that won
  for (const std::vector<std::filesystem::path>& files : listed) {
    for (const std::filesystem::path& file : files) {
      auto [winner, first] = first_of_name.emplace(file.filename(), file);
      if (first) {
        registry.Add(file, logger);
      } else {
        registry.Shadow(file, winner->second, logger);
      }
    }
  }
  return registry;
}

std::shared_ptr<const LoadedPlugin> PluginRegistry::Find(std::string_view name) const {
  auto it = plugins_.find(name);
  return it == plugins_.end() ? nullptr : it->second;
}

void PluginRegistry::Add(const std::filesystem::path& file, const Logger& logger) {
  PluginRecord record;
  sdk::Result<std::shared_ptr<const LoadedPlugin>> plugin = LoadedPlugin::Open(file, &record);
  if (plugin.ok()) {
    auto [it, inserted] = plugins_.emplace((*plugin)->name(), *plugin);
    if (inserted) {
      record.state = PluginRecord::State::kLoaded;
      logger->info("loaded plugin {} {} from {}", record.name, record.version, file.string());
    } else {
      // Dropping `plugin` unloads the second copy.
      record.reason = "duplicate plugin name '" + record.name + "': already loaded from " + it->second->path().string();
    }
  } else {
    record.reason = OneLine(plugin.status().message());
  }
  if (record.state == PluginRecord::State::kRefused) {
    logger->warn("refused plugin {}: {}", file.string(), record.reason);
  }
  records_.push_back(std::move(record));
}

void PluginRegistry::Shadow(const std::filesystem::path& file, const std::filesystem::path& winner,
                            const Logger& logger) {
  PluginRecord record;
  record.path = file;
  record.reason = "shadowed by " + winner.string() + " (the first plugin folder holding a file name wins)";
  logger->info("not loading plugin {}: {}", file.string(), record.reason);
  records_.push_back(std::move(record));
}

}  // namespace hub::plugin_host
