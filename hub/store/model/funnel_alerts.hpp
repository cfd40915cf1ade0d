// The funnel's alerts as the store records them: each (kind, subject, period) once in funnel_alerts, with its
// event in the outbox.
//
// The events' aggregate is `funnel_alert`, not `lead`: an alert is no change of the lead, so a subscriber of lead
// events never receives one, and <subscribe entity="funnel_alert"> receives every alert. The change is the
// alert's kind (funnel_alert.lead_stalled …, leads::AlertKindName); the aggregate id the lead's or the employee's
// id, so one subject's alerts keep their order in a delivery lane.
#ifndef HUB_STORE_MODEL_FUNNEL_ALERTS_HPP_
#define HUB_STORE_MODEL_FUNNEL_ALERTS_HPP_

#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "leads/funnel_alerts.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

// The aggregate of the alert events.
inline constexpr std::string_view kFunnelAlertAggregate = "funnel_alert";

// Appends `alert`, raised by job `job`, unless it was appended before, in the caller's transaction, which holds
// the outbox writers' turn: a funnel_alerts row keyed by (kind, subject_type, subject, period) and, when that row
// is new, the event funnel_alert.<kind> with the payload {"fields": {kind, subject_type, subject, subject_id,
// period, figures: {name: number}, norm, norm_value, job}}. True when appended, false when the key was there
// (another run, or another hub, raised it already). Threads: as the connection. Errors: the driver's Status.
sdk::Result<bool> AppendFunnelAlert(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                    const leads::FunnelAlert& alert, std::string_view job);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_FUNNEL_ALERTS_HPP_
