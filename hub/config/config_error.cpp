#include "config/config_error.hpp"

namespace hub::config {

std::string ConfigError::ToString() const {
  std::string where = location.line > 0 ? location.ToString() : location.file.string();
  return where + ": " + message;
}

std::string FormatErrors(const std::vector<ConfigError>& errors) {
  std::string text;
  for (const auto& error : errors) text += error.ToString() + "\n";
  return text;
}

}  // namespace hub::config
