// The mapping the email connector ships, embedded from mappings/*.xml at build time.
#ifndef HUB_EMAIL_DEFAULT_MAPPINGS_HPP_
#define HUB_EMAIL_DEFAULT_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::email {

// `email_activity`: a mail message onto activity (mappings/email_activity.xml). Pure; thread-safe.
std::vector<sdk::DefaultMapping> DefaultMappings();

}  // namespace hub::email

#endif  // HUB_EMAIL_DEFAULT_MAPPINGS_HPP_
