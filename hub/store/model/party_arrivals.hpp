// What a transaction that wrote parties does with them before it commits: the seam through which the sync sink
// hands the parties a batch wrote to matching on arrival (golden/arrival_match.hpp) without knowing the matcher.
#ifndef HUB_STORE_MODEL_PARTY_ARRIVALS_HPP_
#define HUB_STORE_MODEL_PARTY_ARRIVALS_HPP_

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// What matching the parties of one transaction on arrival did.
struct ArrivalCounts {
  std::size_t parties = 0;         // handed in
  std::size_t unmatched = 0;       // not matched: no match run has stored a model yet
  std::size_t pairs = 0;           // pairs decided (candidates the index gave)
  std::size_t links = 0;           // of them linked
  std::size_t reviews = 0;         // of them sent to review
  std::size_t golden_changes = 0;  // party.golden_changed events appended
};

// Receives the parties a transaction wrote. Implementations are thread-safe: transactions on different
// connections call at once.
class PartyArrivals {
 public:
  virtual ~PartyArrivals() = default;

  // `party_ids` (distinct) were inserted or changed in the transaction `connection` holds, with the outbox writers'
  // `turn`; whatever this writes commits or rolls back with them. Errors: the store's Status (the caller ends its
  // transaction with it).
  virtual sdk::Result<ArrivalCounts> Arrived(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                             const std::vector<std::int64_t>& party_ids) const = 0;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_PARTY_ARRIVALS_HPP_
