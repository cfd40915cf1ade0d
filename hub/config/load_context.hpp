// Private to hub_config: what every section parser of one LoadConfig call shares.
#ifndef HUB_CONFIG_LOAD_CONTEXT_HPP_
#define HUB_CONFIG_LOAD_CONTEXT_HPP_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "config/config_error.hpp"
#include "config/secret_resolver.hpp"
#include "config/xml_document.hpp"

namespace hub::config {

// The document being read, where its paths and secrets are resolved, and the error list every parser
// appends to. Lives for one LoadConfig call; not thread-safe.
class LoadContext {
 public:
  LoadContext(const XmlDocument& document, std::filesystem::path shown_path, const SecretResolver& secrets,
              std::vector<ConfigError>* errors)
      : document_(document), shown_path_(std::move(shown_path)), secrets_(secrets), errors_(errors) {}

  SourceLocation At(pugi::xml_node node) const { return {shown_path_, document_.LineOf(node)}; }
  SourceLocation At(pugi::xml_attribute attribute) const { return {shown_path_, document_.LineOf(attribute)}; }
  void Error(SourceLocation where, std::string message) { errors_->push_back({std::move(where), std::move(message)}); }
  std::size_t error_count() const { return errors_->size(); }

  const SecretResolver& secrets() const { return secrets_; }
  // `path` made absolute against the configuration file's folder, lexically normalized, without a
  // trailing separator ("dir/." and "dir/" both become "dir").
  std::filesystem::path Absolute(std::string_view path) const {
    std::filesystem::path absolute = (secrets_.base_dir() / std::filesystem::path(path)).lexically_normal();
    if (!absolute.has_filename() && absolute.has_relative_path()) absolute = absolute.parent_path();
    return absolute;
  }

 private:
  const XmlDocument& document_;
  std::filesystem::path shown_path_;
  const SecretResolver& secrets_;
  std::vector<ConfigError>* errors_;
};

// Names that must be unique within one list (connectors, jobs, tokens): reports the second use of a name.
class UniqueNames {
 public:
  explicit UniqueNames(std::string what) : what_(std::move(what)) {}

  // True when `name` is new; otherwise reports "duplicate <what> 'name' (first at line N)" and is false.
  bool Add(LoadContext& context, const std::string& name, const SourceLocation& where) {
    auto [it, inserted] = first_line_.emplace(name, where.line);
    if (!inserted) {
      context.Error(where, "duplicate " + what_ + " '" + name + "' (first at line " + std::to_string(it->second) + ")");
    }
    return inserted;
  }

 private:
  std::string what_;
  std::map<std::string, int, std::less<>> first_line_;
};

}  // namespace hub::config

#endif  // HUB_CONFIG_LOAD_CONTEXT_HPP_
