// Two systems' records of one customer: a party record whose same_as_source_id names the party record of
// another system (Odoo's res_partner.ref = SAP's KUNNR, given with system="supply_chain") joins that party
// instead of making a new one. The name is kept on the record's source link (same_as_system,
// same_as_source_id), so that the pair joins whichever of the two arrives first.
#ifndef HUB_STORE_MODEL_PARTY_SAME_AS_HPP_
#define HUB_STORE_MODEL_PARTY_SAME_AS_HPP_

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/source_links.hpp"

namespace hub::store_model {

// The party record another system knows a record as: the system (the field's system=, else the record's own)
// and that system's id for it.
struct SameAs {
  std::string system;
  std::string source_id;
};

// What `record`'s same_as_source_id names; nullopt when it names nothing (not mapped, or null or empty).
std::optional<SameAs> SameAsOf(const model::MappedRecord& record);

// The stored party the new party record `record` (no source link of its own yet) joins: the party of the link
// its same_as_source_id names, else the party of a live link whose same_as names `record`; nullopt when there
// is none, and the record makes a party of its own. Looks links up through `links` (the batch's).
// Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Result<std::optional<std::int64_t>> SameAsParty(odbc::Connection& connection, SourceLinks& links,
                                                     const model::MappedRecord& record);

// Which of `source_ids` (party records of `source_system`) a live party link names as the same customer, in
// few statements: the records a bulk insert must leave to the per-record path, which joins them.
// Errors: the driver's Status.
sdk::Result<std::set<std::string>> NamedAsSameParty(odbc::Connection& connection, const std::string& source_system,
                                                    const std::vector<std::string>& source_ids);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_SAME_AS_HPP_
