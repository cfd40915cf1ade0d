// The mappings the hr connector ships, embedded from mappings/*.xml at build time.
#ifndef HUB_CONNECTORS_HR_DEFAULT_MAPPINGS_HPP_
#define HUB_CONNECTORS_HR_DEFAULT_MAPPINGS_HPP_

#include <vector>

#include "hub/sdk/options.hpp"

namespace hub::hr {

// `cn_hr`: a Chinese HR roster onto employee, team, territory and speciality (mappings/cn_hr.xml, with its
// code tables cn_employee_status and cn_team_role). Pure; thread-safe.
std::vector<sdk::DefaultMapping> DefaultMappings();

}  // namespace hub::hr

#endif  // HUB_CONNECTORS_HR_DEFAULT_MAPPINGS_HPP_
