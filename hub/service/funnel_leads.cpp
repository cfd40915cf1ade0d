#include "service/funnel_leads.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "hub/odbc/timestamp_text.hpp"
#include "store/odbc/cached_query.hpp"

namespace hub::service {
namespace {

using sdk::Value;

// An instant column's value in ms since the epoch: a timestamp, or its text on a driver that reports text.
std::optional<std::int64_t> InstantOf(const Value& value) {
  if (value.is_null()) return std::nullopt;
  if (value.type() == sdk::ValueType::kTimestamp) return value.integer();
  std::optional<odbc::TimestampText> parsed = odbc::ParseTimestampText(value.text());
  return parsed ? std::optional<std::int64_t>(odbc::UnixMs(*parsed)) : std::nullopt;
}

std::string TextOf(const Value& value) { return value.is_null() ? std::string() : value.text(); }

sdk::Result<std::map<std::int64_t, FunnelLeadRow>> ReadLeadRows(odbc::Connection& connection) {
  sdk::Result<odbc::RowSet> leads = odbc::QueryCached(
      connection,
      "SELECT l.id, l.stage, l.stage_entered_at, l.estimated_amount, l.owner_employee_id, l.team_id, l.grade, "
      "l.industry, l.found_by_employee_id, l.received_at, e.employee_number "
      "FROM leads l LEFT JOIN employees e ON e.id = l.owner_employee_id",
      {});
  if (!leads.ok()) return leads.status();
  std::map<std::int64_t, FunnelLeadRow> read;
  for (const odbc::Row& row : leads->rows) {
    FunnelLeadRow lead;
    lead.lead.id = row[0].integer();
    lead.lead.stage = leads::FunnelStageIndex(row[1].text());
    if (lead.lead.stage >= leads::kFunnelStages.size()) continue;
    lead.lead.entered_ms = InstantOf(row[2]);
    lead.amount = DecimalOf(row[3]);
    if (!row[4].is_null()) lead.lead.owner_id = row[4].integer();
    if (!row[5].is_null()) lead.team_id = row[5].integer();
    lead.lead.grade = TextOf(row[6]);
    lead.lead.industry = TextOf(row[7]);
    lead.lead.found_by_owner = !row[8].is_null();
    lead.lead.created_ms = InstantOf(row[9]).value_or(0);
    lead.lead.owner_number = TextOf(row[10]);
    read.emplace(lead.lead.id, std::move(lead));
  }
  return read;
}

sdk::Status ReadHistory(odbc::Connection& connection, std::map<std::int64_t, FunnelLeadRow>* leads) {
  sdk::Result<odbc::RowSet> history = odbc::QueryCached(
      connection, "SELECT lead_id, to_stage, changed_at FROM lead_stage_history ORDER BY lead_id, changed_at, id", {});
  if (!history.ok()) return history.status();
  for (const odbc::Row& row : history->rows) {
    auto lead = leads->find(row[0].integer());
    const std::size_t stage = leads::FunnelStageIndex(row[1].text());
    const std::optional<std::int64_t> at = InstantOf(row[2]);
    if (lead != leads->end() && stage < leads::kFunnelStages.size() && at) {
      lead->second.lead.history.push_back({stage, *at});
    }
  }
  return sdk::Status::Ok();
}

// The latest activity of each lead: on the lead itself, or on its party.
sdk::Status ReadContacts(odbc::Connection& connection, std::map<std::int64_t, FunnelLeadRow>* leads) {
  for (const char* sql :
       {"SELECT lead_id, MAX(occurred_at) FROM activities WHERE lead_id IS NOT NULL GROUP BY lead_id",
        "SELECT l.id, MAX(a.occurred_at) FROM leads l JOIN activities a ON a.party_id = l.party_id GROUP BY l.id"}) {
    sdk::Result<odbc::RowSet> rows = odbc::QueryCached(connection, sql, {});
    if (!rows.ok()) return rows.status();
    for (const odbc::Row& row : rows->rows) {
      auto lead = leads->find(row[0].integer());
      const std::optional<std::int64_t> at = InstantOf(row[1]);
      if (lead == leads->end() || !at) continue;
      std::optional<std::int64_t>& contacted = lead->second.lead.contacted_ms;
      contacted = std::max(contacted.value_or(*at), *at);
    }
  }
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<std::vector<FunnelLeadRow>> ReadFunnelLeads(odbc::Connection& connection) {
  sdk::Result<std::map<std::int64_t, FunnelLeadRow>> leads = ReadLeadRows(connection);
  if (!leads.ok()) return leads.status();
  HUB_RETURN_IF_ERROR(ReadHistory(connection, &*leads));
  HUB_RETURN_IF_ERROR(ReadContacts(connection, &*leads));
  std::vector<FunnelLeadRow> rows;
  rows.reserve(leads->size());
  for (auto& [id, lead] : *leads) rows.push_back(std::move(lead));
  return rows;
}

std::vector<leads::FunnelLead> FactsOf(const std::vector<FunnelLeadRow>& rows) {
  std::vector<leads::FunnelLead> facts;
  facts.reserve(rows.size());
  for (const FunnelLeadRow& row : rows) facts.push_back(row.lead);
  return facts;
}

}  // namespace hub::service
