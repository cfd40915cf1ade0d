#include "store/model/funnel_alerts.hpp"

#include <string>

#include <boost/json.hpp>

#include "store/model/outbox_event.hpp"
#include "store/model/store_statements.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

boost::json::object FiguresOf(const leads::FunnelAlert& alert) {
  boost::json::object figures;
  for (const leads::AlertFigure& figure : alert.figures) figures[figure.name] = figure.value;
  return figures;
}

}  // namespace

sdk::Result<bool> AppendFunnelAlert(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                    const leads::FunnelAlert& alert, std::string_view job) {
  const std::string kind(leads::AlertKindName(alert.kind));
  boost::json::object fields{{"kind", kind},
                             {"subject_type", alert.subject_type},
                             {"subject", alert.subject},
                             {"subject_id", alert.subject_id},
                             {"period", alert.period},
                             {"figures", FiguresOf(alert)},
                             {"norm", alert.norm},
                             {"norm_value", alert.norm_value},
                             {"job", job}};
  sdk::Result<std::int64_t> added = ExecuteStoreStatement(
      connection,
      "INSERT INTO funnel_alerts (kind, subject_type, subject, period, figures, job) VALUES (?, ?, ?, ?, ?, ?) "
      "ON CONFLICT (kind, subject_type, subject, period) DO NOTHING",
      {Value::String(kind), Value::String(alert.subject_type), Value::String(alert.subject),
       Value::String(alert.period), Value::String(boost::json::serialize(fields)), Value::String(std::string(job))});
  if (!added.ok()) return added.status();
  if (*added == 0) return false;
  HUB_RETURN_IF_ERROR(AppendOutboxEvent(connection, turn, kFunnelAlertAggregate, alert.subject_id,
                                        std::string(kFunnelAlertAggregate) + "." + kind,
                                        boost::json::serialize(boost::json::object{{"fields", std::move(fields)}})));
  return true;
}

}  // namespace hub::store_model
