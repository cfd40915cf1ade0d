#include "export/lead_funnel_export.hpp"

#include <memory>

#include "export/funnel.hpp"
#include "service/funnel_report.hpp"

namespace hub::exporting {
namespace {

sdk::Value DecimalOrNull(const std::optional<double>& number, int digits) {
  return number ? FixedDecimal(*number, digits) : sdk::Value::Null();
}

sdk::Value TextOrNull(const std::string& text) { return text.empty() ? sdk::Value::Null() : sdk::Value::String(text); }

void WriteGroup(TableWriter& writer, const char* group, const service::FunnelGroup& figures, std::uint64_t* rows) {
  for (const service::StageFigures& stage : figures.stages) {
    writer.WriteRow({sdk::Value::String(group), TextOrNull(figures.owner_employee_number),
                     TextOrNull(figures.team_code), sdk::Value::String(stage.stage), sdk::Value::Int64(stage.count),
                     sdk::Value::Decimal(stage.expected_revenue.ToString()),
                     sdk::Value::Decimal(stage.weighted_revenue.ToString()), sdk::Value::Int64(stage.entered),
                     sdk::Value::Int64(stage.moved_on), DecimalOrNull(stage.conversion, 4),
                     DecimalOrNull(stage.ideal_conversion, 4), DecimalOrNull(stage.dwell_days, 2),
                     DecimalOrNull(stage.ideal_dwell_days, 2), sdk::Value::Int64(stage.stalled)});
    ++*rows;
  }
}

}  // namespace

std::vector<std::string> LeadFunnelColumns() {
  return {"group",
          "owner_employee_number",
          "team_code",
          "stage",
          "count",
          "expected_revenue",
          "weighted_revenue",
          "entered",
          "moved_on",
          "conversion",
          "ideal_conversion",
          "dwell_days",
          "ideal_dwell_days",
          "stalled"};
}

sdk::Result<std::uint64_t> WriteLeadFunnel(odbc::Connection& connection, const leads::FunnelNorms& norms,
                                           const Clock& clock, ExportFormat format, std::ostream& out) {
  sdk::Result<service::FunnelReport> report = service::ComputeFunnel(connection, norms, clock);
  if (!report.ok()) return report.status();
  std::unique_ptr<TableWriter> writer = TableWriter::Create(format, out, LeadFunnelColumns());
  std::uint64_t rows = 0;
  WriteGroup(*writer, "all", report->total, &rows);
  for (const service::FunnelGroup& owner : report->owners) WriteGroup(*writer, "owner", owner, &rows);
  for (const service::FunnelGroup& team : report->teams) WriteGroup(*writer, "team", team, &rows);
  HUB_RETURN_IF_ERROR(writer->Finish());
  return rows;
}

}  // namespace hub::exporting
