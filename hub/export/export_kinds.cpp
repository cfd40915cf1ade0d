#include "export/export_kinds.hpp"

#include <functional>

#include "export/customers_export.hpp"
#include "export/funnel.hpp"
#include "export/lead_funnel_export.hpp"
#include "export/quality_column.hpp"
#include "hub/odbc/statement.hpp"

namespace hub::exporting {
namespace {

// A row per lead and data-quality flag of its source links (WriteWithQualityColumn folds them): a value
// without a normal form shows as written (`phone` the E.164 form, else the raw text), and its flag.
constexpr std::string_view kLeads = R"(
SELECT l.id AS lead_id, l.company_name, l.contact_name, COALESCE(l.phone_e164, l.phone) AS phone,
  COALESCE(l.email_normalized, l.email) AS email,
  l.province, l.city, l.industry, l.channel, l.campaign, l.status, l.grade, l.tier, l.score, l.party_id,
  l.owner_employee_id, l.routing_rule, l.received_at, l.updated_at, l.stage, l.stage_entered_at,
  l.duplicate_of_lead_id, COALESCE(l.mobile_e164, l.mobile) AS mobile, COALESCE(l.tax_id_normalized, l.tax_id) AS tax_id,
  l.need, l.estimated_amount, l.currency,
  d.field AS flag_field, d.problem AS flag_problem, d.value AS flag_value
FROM leads l
  LEFT JOIN source_links s ON s.entity = 'lead' AND s.record_id = l.id
  LEFT JOIN data_quality d ON d.source_link_id = s.id
ORDER BY l.id, d.id)";

// The quarantine entries still open or pending: what operators have to fix (or what waits for a record
// that has not come), with each record's raw content; created_at says how long it has waited.
constexpr std::string_view kQuarantine = R"(
SELECT q.id AS quarantine_id, q.job, q.source_system, q.entity, q.source_id, q.source_position, q.reason,
  q.raw_record, q.created_at, q.status, q.cause, q.occurrences, q.last_seen_at, q.awaits_entity, q.awaits_system,
  q.awaits_key, q.raw_length, q.last_replayed_at
FROM quarantine q
WHERE q.resolved_at IS NULL
ORDER BY q.id)";

// The pairs the matcher linked, a reviewer's accepts among them (the review queue is the API's), each side
// named by its first source record, in the contract's columns.
constexpr std::string_view kMatches = R"(
SELECT
  (SELECT s.source_system FROM source_links s WHERE s.entity = 'party' AND s.record_id = m.left_party_id
   ORDER BY s.id LIMIT 1) AS left_source,
  (SELECT s.source_id FROM source_links s WHERE s.entity = 'party' AND s.record_id = m.left_party_id
   ORDER BY s.id LIMIT 1) AS left_id,
  (SELECT s.source_system FROM source_links s WHERE s.entity = 'party' AND s.record_id = m.right_party_id
   ORDER BY s.id LIMIT 1) AS right_source,
  (SELECT s.source_id FROM source_links s WHERE s.entity = 'party' AND s.record_id = m.right_party_id
   ORDER BY s.id LIMIT 1) AS right_id,
  m.probability AS score, m.decision
FROM match_pairs m
WHERE m.decision = 'link'
ORDER BY m.id)";

// Every stay of an opportunity in a stage, in the order FunnelBuilder folds them.
constexpr std::string_view kStageHistory = R"(
SELECT h.opportunity_id, h.to_stage, h.changed_at, o.status
FROM opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id
ORDER BY h.opportunity_id, h.changed_at, h.id)";

// Calls `take` with each row the executed statement answers, in order.
sdk::Status ForEachRow(odbc::Statement& executed, const std::function<void(const odbc::Row&)>& take) {
  while (true) {
    sdk::Result<bool> more = executed.Next();
    if (!more.ok()) return more.status();
    if (!*more) return sdk::Status::Ok();
    sdk::Result<odbc::Row> row = executed.GetRow();
    if (!row.ok()) return row.status();
    take(*row);
  }
}

sdk::Result<std::uint64_t> StreamRows(odbc::Statement& executed, ExportFormat format, std::ostream& out) {
  std::vector<std::string> columns;
  for (const odbc::ColumnInfo& column : executed.columns()) columns.push_back(column.name);
  std::unique_ptr<TableWriter> writer = TableWriter::Create(format, out, std::move(columns));
  std::uint64_t rows = 0;
  HUB_RETURN_IF_ERROR(ForEachRow(executed, [&](const odbc::Row& row) {
    writer->WriteRow(row);
    ++rows;
  }));
  HUB_RETURN_IF_ERROR(writer->Finish());
  return rows;
}

sdk::Result<std::uint64_t> WriteFunnel(odbc::Statement& executed, ExportFormat format, std::ostream& out) {
  FunnelBuilder funnel;
  HUB_RETURN_IF_ERROR(ForEachRow(executed, [&](const odbc::Row& row) {
    funnel.Add(row[0].integer(), row[1].text(), row[2].integer(), row[3].text());
  }));
  std::unique_ptr<TableWriter> writer = TableWriter::Create(format, out, FunnelBuilder::Columns());
  std::vector<std::vector<sdk::Value>> rows = funnel.Rows();
  for (const std::vector<sdk::Value>& row : rows) writer->WriteRow(row);
  HUB_RETURN_IF_ERROR(writer->Finish());
  return rows.size();
}

sdk::Result<std::uint64_t> WriteLeadFunnelReport(odbc::Connection& connection, const ExportSettings& settings,
                                                 ExportFormat format, std::ostream& out) {
  return WriteLeadFunnel(connection, settings.funnel_norms, *settings.clock, format, out);
}

constexpr ExportKind kKinds[] = {
    {"customers", "golden customer records with their main identifiers and channels, and their data-quality flags",
     kCustomersSql, WriteWithQualityColumn},
    {"matches",
     "pairs of parties the matcher linked (a reviewer's accepts among them), with each side's source system and id "
     "and the match probability",
     kMatches},
    {"leads", "sales leads with their grading, routing and funnel stage, and their data-quality flags", kLeads,
     WriteWithQualityColumn},
    {"funnel",
     "the lead funnel of GET /api/v1/funnel against the configured norms: per stage, for everyone, each owner and "
     "each team, the leads in it, expected and weighted revenue, conversion and dwell time with their ideals, stalls",
     "", nullptr, WriteLeadFunnelReport},
    {"opportunity_funnel", "per sales stage: opportunities entered, in it now, moved on, won, lost, days, conversion",
     kStageHistory, WriteFunnel},
    {"quarantine",
     "records kept aside and not yet stored (open, or pending: waiting for a record they refer to), with their "
     "position, reason, occurrences and raw content",
     kQuarantine},
};

}  // namespace

std::span<const ExportKind> ExportKinds() { return kKinds; }

std::string ExportKindNames() {
  std::string names;
  for (const ExportKind& kind : kKinds) names += (names.empty() ? "" : ", ") + std::string(kind.name);
  return names;
}

sdk::Result<const ExportKind*> FindExportKind(std::string_view name) {
  for (const ExportKind& kind : kKinds) {
    if (kind.name == name) return &kind;
  }
  return sdk::Status::InvalidArgument("unknown export kind '" + std::string(name) + "' (known: " + ExportKindNames() +
                                      ")");
}

sdk::Result<std::uint64_t> WriteExport(odbc::Connection& connection, const ExportKind& kind, ExportFormat format,
                                       std::ostream& out, const ExportSettings& settings) {
  if (kind.report != nullptr) return kind.report(connection, settings, format, out);
  sdk::Result<odbc::Statement> statement = connection.Prepare(kind.sql);
  if (!statement.ok()) return statement.status();
  auto executed = statement->Execute();
  if (!executed.ok()) return executed.status();
  return (kind.write == nullptr ? StreamRows : kind.write)(*statement, format, out);
}

}  // namespace hub::exporting
