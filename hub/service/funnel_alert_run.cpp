#include "service/funnel_alert_run.hpp"

#include <vector>

#include "hub/odbc/transaction.hpp"
#include "leads/funnel_alerts.hpp"
#include "service/funnel_leads.hpp"
#include "store/model/funnel_alerts.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::service {

sdk::Result<FunnelAlertCounts> RaiseFunnelAlerts(odbc::Database& store, const leads::FunnelNorms& norms,
                                                 const Clock& clock, std::string_view job) {
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return lease.status();
  odbc::Connection& connection = lease->get();
  // Read before the transaction: on SQLite a transaction that reads and then writes can find another writer
  // ahead of it and fail at once, where one that writes first waits its turn.
  sdk::Result<std::vector<FunnelLeadRow>> leads = ReadFunnelLeads(connection);
  if (!leads.ok()) return leads.status();
  const std::vector<leads::FunnelAlert> alerts = leads::EvaluateFunnelAlerts(FactsOf(*leads), norms, clock);
  FunnelAlertCounts counts;
  counts.alerts = static_cast<std::int64_t>(alerts.size());
  if (alerts.empty()) return counts;
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection);
  if (!transaction.ok()) return transaction.status();
  sdk::Result<odbc::OutboxTurn> turn = odbc::TakeOutboxWriterTurn(connection);
  if (!turn.ok()) return turn.status();
  for (const leads::FunnelAlert& alert : alerts) {
    sdk::Result<bool> appended = store_model::AppendFunnelAlert(connection, *turn, alert, job);
    if (!appended.ok()) return appended.status();
    ++(*appended ? counts.raised : counts.already_raised);
  }
  HUB_RETURN_IF_ERROR(transaction->Commit());
  return counts;
}

}  // namespace hub::service
