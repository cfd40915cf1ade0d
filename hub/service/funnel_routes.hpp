// The funnel's route of the API: the lead funnel by stage, for everyone, per owner and per team.
#ifndef HUB_SERVICE_FUNNEL_ROUTES_HPP_
#define HUB_SERVICE_FUNNEL_ROUTES_HPP_

#include "api/router.hpp"
#include "common/clock.hpp"
#include "hub/sdk/status.hpp"
#include "service/funnel_report.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Adds, per docs/openapi.yaml:
//   GET /api/v1/funnel   read   200 {as_of, norms: {ideal_dwell_days, dwell_overrides: [{grade, industry,
//                              days}], ideal_move_percent, ideal_holdings, cooling_days, no_contact_days},
//                              total: {stages}, owners: [{owner: {employee_number, name, taken, abandoned,
//                              abandon_ratio}, stages}], teams: [{team: {code, name}, stages}], alerts:
//                              [{kind, subject_type, subject, period, figures: {name: number}, norm: {name,
//                              value}}]}, each stage {stage, count, expected_revenue, weighted_revenue,
//                              entered, moved_on, conversion, ideal_conversion, dwell_days,
//                              ideal_dwell_days, stalled} (funnel_report.hpp, leads/funnel_alerts.hpp;
//                              amounts as decimal text); 503 unavailable when the store does not answer
// Measured against `norms` (<leads><funnel>). `store` and `clock` must outlive the router's handlers; they lease a
// connection on the worker thread.
sdk::Status AddFunnelRoutes(api::Router& router, odbc::Database& store, const Clock& clock, FunnelNorms norms = {});

}  // namespace hub::service

#endif  // HUB_SERVICE_FUNNEL_ROUTES_HPP_
