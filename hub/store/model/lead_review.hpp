// The review of a top-tier lead (issue 12, item 4): a lead the classification makes top waits for its reviewer
// (<leads><classification top_reviewer>, resolved against HR's employees), who is told of it; the reviewer's
// decision approves it (it keeps its tier) or rejects it (it becomes middle, with the reason), once, and its owner
// is told. Pending does not hold the routing: the lead is routed as it arrives and flagged by its review_state.
#ifndef HUB_STORE_MODEL_LEAD_REVIEW_HPP_
#define HUB_STORE_MODEL_LEAD_REVIEW_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The changes of a lead that its review records: "lead.review_requested" to the reviewer, "lead.reviewed" to the
// owner.
inline constexpr std::string_view kLeadReviewRequested = "review_requested";
inline constexpr std::string_view kLeadReviewed = "reviewed";

// The employee `reviewer` names: the one whose employee number it is, else one whose HR title it is (compared
// case-insensitively, ASCII) — among the employees neither gone nor on leave, the lowest id first. nullopt when
// nobody is. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::optional<std::int64_t>> ResolveReviewer(odbc::Connection& connection, const std::string& reviewer);

// Appends "lead.review_requested" {lead_id, reviewer, reviewer_employee_id (ResolveReviewer; null when nobody
// holds the title), tier, grade} for new lead `lead_id`, inside the caller's transaction, which holds `turn`; an
// event document adds the reviewer's employee row as "reviewer", which a mail template addresses. Threads: as
// the connection. Errors: the driver's Status.
sdk::Status RequestLeadReview(odbc::Connection& connection, const odbc::OutboxTurn& turn, std::int64_t lead_id,
                              const std::string& reviewer, std::string_view tier, std::string_view grade);

// A reviewer's word on a pending lead.
struct ReviewDecision {
  bool approve = true;    // false: reject
  std::string by;         // who decided, as they sign (the body's `by`)
  std::string note;       // why; a rejection's reason
  std::string principal;  // the API token's holder who posted it
};

// "approve" or "reject".
std::string_view DecisionName(bool approve);

// A lead's review as the store holds it after DecideLeadReview.
struct LeadReview {
  std::string review_state;  // approved | rejected | pending | empty (a lead without a review)
  std::string reviewer;      // leads.review
  std::string tier;          // the lead's tier now
  std::optional<std::int64_t> owner_employee_id;
  // The decision (classification.review_decision): empty decision while there is none.
  std::string decision, decided_by, note, decided_at;
  std::string tier_before;
  bool decided_now = false;  // this call decided it
};

// Decides pending lead `lead_id` by `decision` at `now`, inside the caller's transaction (holding `turn`), once:
// first the claim (leads.review_state pending → approved or rejected, a rejection's tier middle, so that of two
// racing decisions one wins), then the record in the lead's classification (review_state, review_decision {decision,
// by, note, at, principal, tier_before}; a rejection adds the reason {rule review, effect "tier middle", detail}) and
// "lead.reviewed" {lead_id, decision, by, note, tier, tier_before, owner_employee_id} for the owner. A lead decided
// before is answered as it stands (decided_now false), whatever `decision` says: the caller compares. nullopt when
// the lead is not in the store. Threads: as the connection. Errors: the driver's Status.
sdk::Result<std::optional<LeadReview>> DecideLeadReview(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                                        std::int64_t lead_id, const ReviewDecision& decision,
                                                        TimePoint now);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_LEAD_REVIEW_HPP_
