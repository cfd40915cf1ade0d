// The configured rules the model layer's writers hand to the entities' extensions (entity_behaviour.hpp): what
// an extension decides by configuration, not by code — a new lead's classification. The writers' callers build
// it from HubConfig (the service, the sync jobs); tests and callers with no configuration take the defaults.
#ifndef HUB_STORE_MODEL_WRITE_RULES_HPP_
#define HUB_STORE_MODEL_WRITE_RULES_HPP_

#include "leads/lead_rules.hpp"

namespace hub::store_model {

// The rules, one member per concern, each its own layer's type (the model layer never reads the
// configuration file). A value type; a writer holds a reference to one that outlives it.
struct WriteRules {
  leads::LeadRules leads;  // <leads>: a new lead's classification
};

// Every default: the rules of a hub whose configuration writes none. Lives as long as the program.
inline const WriteRules& DefaultWriteRules() {
  static const WriteRules kDefaults;
  return kDefaults;
}

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_WRITE_RULES_HPP_
