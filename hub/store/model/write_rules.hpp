// The configured rules the model layer's writers hand to the entities' extensions (entity_behaviour.hpp): what
// an extension decides by configuration, not by code — a new lead's classification —, and the state they may
// keep across transactions (the routing's staff). The writers' callers build
// it from HubConfig (the service, the sync jobs); tests and callers with no configuration take the defaults.
#ifndef HUB_STORE_MODEL_WRITE_RULES_HPP_
#define HUB_STORE_MODEL_WRITE_RULES_HPP_

#include <memory>

#include "leads/lead_rules.hpp"
#include "store/model/staff_cache.hpp"

namespace hub::store_model {

// The rules, one member per concern, each its own layer's type (the model layer never reads the
// configuration file). A value type; a writer holds a reference to one that outlives it.
struct WriteRules {
  leads::LeadRules leads;  // <leads>: a new lead's classification
  // The staff lead routing keeps across transactions, shared by the writers of one store (the service makes one);
  // null: each batch reads them (tests, one-off callers).
  std::shared_ptr<StaffCache> staff_cache;
};

// Every default: the rules of a hub whose configuration writes none. Lives as long as the program.
inline const WriteRules& DefaultWriteRules() {
  static const WriteRules kDefaults;
  return kDefaults;
}

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_WRITE_RULES_HPP_
