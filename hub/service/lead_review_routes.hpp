// The leads as a list, and the review of a top-tier lead by its reviewer (store/model/lead_review.hpp).
#ifndef HUB_SERVICE_LEAD_REVIEW_ROUTES_HPP_
#define HUB_SERVICE_LEAD_REVIEW_ROUTES_HPP_

#include "api/router.hpp"
#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml (`store` and `clock` must outlive the router's handlers):
//   GET  /api/v1/leads               read     {"leads":[...]}: in id order, each with its company, contact, need,
//                                             channel, stage, tier, grade, score, amount, place, owner
//                                             {employee_number, name} | null, review, review_state and
//                                             classification; ?review=pending | approved | rejected (the reviewer's
//                                             queue: ?review=pending), ?reviewer=<the configured reviewer>,
//                                             ?after=<id>, ?limit=1..1000 (100); 400 for another value
//   POST /api/v1/leads/{id}/review   operate  {"decision": "approve" | "reject", "by": who decided, "note": why —
//                                             required to reject}: decides the pending lead once, as of `clock`
//                                             (DecideLeadReview, with lead.reviewed to the owner) with an audit_log
//                                             row (actor the token's holder, action "lead review"): 200 {lead_id,
//                                             review_state, tier, tier_before, decision, by, note, decided_at,
//                                             decided_now} — the same decision again answers the first with
//                                             decided_now false; 404 unknown lead; 409 conflict for a lead without a
//                                             review, or decided otherwise before; 400 bad_request naming each
//                                             field at fault
sdk::Status AddLeadReviewRoutes(api::Router& router, odbc::Database& store, const Clock& clock);

}  // namespace hub::service

#endif  // HUB_SERVICE_LEAD_REVIEW_ROUTES_HPP_
