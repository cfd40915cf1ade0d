// What lead routing reads from the store: the staff who may take a lead, as HR describes them (teams,
// specialities, territories, availability, capacity) with what they hold, were given today and signed; and who
// dealt with a known customer before, and where it is.
#ifndef HUB_STORE_MODEL_ROUTING_CANDIDATES_HPP_
#define HUB_STORE_MODEL_ROUTING_CANDIDATES_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/lead_router.hpp"

namespace hub::store_model {

// The condition of a lead still worked (neither signed, implemented nor abandoned), on its `stage` column.
inline constexpr std::string_view kOpenLeadStage = "stage NOT IN ('signed', 'implemented', 'abandoned')";

// Every employee who has not left and works in an active team (the first by id when in several), in employee
// id order, with their specialities and territories (the lead partner: role owner) and
//   open_holdings  their open leads (kOpenLeadStage) and open opportunities not made from a lead (a lead's
//                  opportunity is the lead's continuation, held once) — a signing or an abandonment frees a slot;
//   intake_today   their lead_assignments since the start of the current UTC day;
//   signings       their signed or implemented leads and won opportunities not made from a lead.
// Two statements. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<leads::RoutingCandidate>> ReadRoutingCandidates(odbc::Connection& connection);

// Reads `candidate`'s availability and load (open_holdings, intake_today, signings, as above) again, in a
// statement of its own — after its lock is taken (owner_claim.hpp), so that it counts what every writer that held
// the lock before committed. An employee no longer stored reads as left. Threads: as the connection. Errors: the
// driver's Status.
sdk::Status RereadLoad(odbc::Connection& connection, leads::RoutingCandidate& candidate);

// Counts in `staff` lead routing's writes as a batch goes: one more lead assigned today to `to` (an open holding
// and today's intake), and one open holding less for `from` (a lead routed away from them). An id not in
// `staff` is passed over. Pure.
void CountReassignment(std::vector<leads::RoutingCandidate>& staff, std::optional<std::int64_t> from, std::int64_t to);

// Who dealt with customer `party_id`, closest first, each once: its owner, then the owners of its open leads and
// open opportunities. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::vector<std::int64_t>> ReadFamiliarStaff(odbc::Connection& connection, std::int64_t party_id);

// What routing knows of a known customer when its lead says nothing of it: its industry, and where it is — the
// country, province and city of its address (the primary one, else the first; the party's country when the
// address names none). Each empty when the store has none.
struct CustomerPlace {
  std::string industry;
  std::string country;
  std::string province;
  std::string city;
};

// Reads CustomerPlace of customer `party_id` (empty for an unknown id). One statement. Threads: as the
// connection. Errors: the driver's Status.
sdk::Result<CustomerPlace> ReadCustomerPlace(odbc::Connection& connection, std::int64_t party_id);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ROUTING_CANDIDATES_HPP_
