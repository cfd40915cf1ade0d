#include "store/model/keyset_sweep.hpp"

#include <cstdio>

#include "store/model/store_statements.hpp"
#include "store/odbc/batch_writer.hpp"

namespace hub::store_model {
namespace {

using sdk::Value;

// The sweep's own rows and those listed without a sweep id count as seen (parameters: job, sweep_id).
constexpr std::string_view kUnseenSql =
    "SELECT l.source_id FROM source_links l WHERE l.source_system = ? AND l.entity = ? AND l.deleted_at IS NULL "
    "AND NOT EXISTS (SELECT 1 FROM keyset_sweeps s WHERE s.job = ? AND s.source_system = l.source_system "
    "AND s.entity = l.entity AND s.sweep_id IN (?, '') AND s.source_id = l.source_id) ORDER BY l.source_id";

std::string Percent(double fraction) {
  char text[32];
  std::snprintf(text, sizeof(text), "%.4g%%", fraction * 100);
  return text;
}

std::string Describe(const SweepKey& key) {
  return "the key-set sweep" + (key.sweep_id.empty() ? std::string() : " '" + key.sweep_id + "'") + " of " +
         std::string(key.entity->name) + " in " + key.source_system + " (job " + key.job + ")";
}

}  // namespace

sdk::Status KeysetSweep::Present(const SweepKey& key, const std::vector<std::string>& source_ids) {
  if (source_ids.empty()) return sdk::Status::Ok();
  sdk::Result<odbc::BatchWriter> batch = odbc::BatchWriter::Create(
      connection_,
      odbc::BatchSpec{
          "keyset_sweeps", {"job", "source_system", "entity", "sweep_id", "source_id"}, "ON CONFLICT DO NOTHING"});
  if (!batch.ok()) return batch.status();
  for (const std::string& id : source_ids) {
    HUB_RETURN_IF_ERROR(
        batch->Add({Value::String(key.job), Value::String(key.source_system),
                    Value::String(std::string(key.entity->name)), Value::String(key.sweep_id), Value::String(id)}));
  }
  sdk::Status flushed = batch->Flush();
  return flushed.ok() ? flushed : flushed.WithContext("noting the ids of " + Describe(key));
}

sdk::Result<SweepResult> KeysetSweep::End(const SweepKey& key, double max_delete_fraction,
                                          const std::string& position) {
  if (!(max_delete_fraction >= 0 && max_delete_fraction <= 1)) {
    return sdk::Status::InvalidArgument(Describe(key) + ": max_delete_fraction " + std::to_string(max_delete_fraction) +
                                        " is not between 0 and 1");
  }
  sdk::Result<std::uint64_t> live = CountLive(key);
  if (!live.ok()) return live.status();
  sdk::Result<std::vector<std::string>> unseen = Unseen(key);
  if (!unseen.ok()) return unseen.status();
  const double share = *live == 0 ? 0 : static_cast<double>(unseen->size()) / static_cast<double>(*live);
  if (share > max_delete_fraction) {
    return sdk::Status::DataError(
        Describe(key) + " would delete " + std::to_string(unseen->size()) + " of the " + std::to_string(*live) +
        " live records (" + Percent(share) + "), more than max_delete_fraction " + Percent(max_delete_fraction) +
        " allows: refused, nothing is deleted. If the source really lost them, raise the connector's "
        "max_delete_fraction for one run; if not, fix the source (an empty replica, a changed query) and sync again");
  }
  HUB_RETURN_IF_ERROR(links_.Prefetch(key.entity->name, key.source_system, *unseen));
  for (const std::string& id : *unseen) {
    model::MappedRecord gone;
    gone.entity = key.entity;
    gone.operation = sdk::Operation::kDelete;
    gone.source_system = key.source_system;
    gone.source_id = id;
    gone.position = position;
    sdk::Result<WriteOutcome> written = writer_.Write(gone);
    if (!written.ok())
      return written.status().WithContext("deleting " + std::string(key.entity->name) + " '" + id + "'");
  }
  HUB_RETURN_IF_ERROR(Clear(key));
  return SweepResult{*live, unseen->size()};
}

sdk::Result<std::uint64_t> KeysetSweep::CountLive(const SweepKey& key) {
  sdk::Result<std::vector<odbc::Row>> rows = QueryStoreRows(
      connection_, "SELECT COUNT(*) FROM source_links WHERE source_system = ? AND entity = ? AND deleted_at IS NULL",
      {Value::String(key.source_system), Value::String(std::string(key.entity->name))});
  if (!rows.ok()) return rows.status();
  return static_cast<std::uint64_t>(rows->at(0).at(0).integer());
}

sdk::Result<std::vector<std::string>> KeysetSweep::Unseen(const SweepKey& key) {
  sdk::Result<std::vector<odbc::Row>> rows =
      QueryStoreRows(connection_, kUnseenSql,
                     {Value::String(key.source_system), Value::String(std::string(key.entity->name)),
                      Value::String(key.job), Value::String(key.sweep_id)});
  if (!rows.ok()) return rows.status();
  std::vector<std::string> ids;
  ids.reserve(rows->size());
  for (const odbc::Row& row : *rows) ids.push_back(row.at(0).text());
  return ids;
}

sdk::Status KeysetSweep::Clear(const SweepKey& key) {
  sdk::Result<std::int64_t> cleared = ExecuteStoreStatement(
      connection_, "DELETE FROM keyset_sweeps WHERE job = ? AND source_system = ? AND entity = ?",
      {Value::String(key.job), Value::String(key.source_system), Value::String(std::string(key.entity->name))});
  return cleared.ok() ? sdk::Status::Ok() : cleared.status().WithContext("clearing " + Describe(key));
}

}  // namespace hub::store_model
