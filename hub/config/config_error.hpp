// One problem found in a configuration file, located at its line.
#ifndef HUB_CONFIG_CONFIG_ERROR_HPP_
#define HUB_CONFIG_CONFIG_ERROR_HPP_

#include <string>
#include <vector>

#include "config/hub_config.hpp"

namespace hub::config {

// A configuration error meant for an operator: where (the file as the caller named it, and its line;
// line 0 when the problem is the file as a whole) and what is wrong. Never holds a secret's value.
struct ConfigError {
  SourceLocation location;
  std::string message;

  // "config/hub.xml:12: <api> attribute 'port': ..." or "config/hub.xml: file not found" for line 0.
  std::string ToString() const;
};

// Every error, one per line, in the order given: the text `hub check-config` prints.
std::string FormatErrors(const std::vector<ConfigError>& errors);

}  // namespace hub::config

#endif  // HUB_CONFIG_CONFIG_ERROR_HPP_
