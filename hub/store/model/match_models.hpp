// The model a match run scored with, kept in the store (match_models: one row per match job) so that parties
// synced later are matched on arrival under it, and a restart learns nothing again. Its content — weights,
// term frequencies, source priority — is the matcher's JSON (golden/arrival_model.hpp); this layer keeps the text.
#ifndef HUB_STORE_MODEL_MATCH_MODELS_HPP_
#define HUB_STORE_MODEL_MATCH_MODELS_HPP_

#include <cstdint>
#include <optional>
#include <string>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// One stored model. `id` changes whenever the model does (a new row), so a reader that cached it by id sees a
// change with one indexed read.
struct StoredMatchModel {
  std::int64_t id = 0;
  std::string job;
  std::string model;  // JSON text
};

// Keeps `model` as job `job`'s: nothing is written when the stored text is the same, else the job's row is
// replaced by a new one (a new id). Answers true when it wrote. Threads: as the connection, inside the caller's
// transaction. Errors: the driver's Status.
sdk::Result<bool> SaveMatchModel(odbc::Connection& connection, const std::string& job, const std::string& model);

// Deletes job `job`'s model (a job that turned matching on arrival off). Answers true when there was one.
// Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Result<bool> DeleteMatchModel(odbc::Connection& connection, const std::string& job);

// The id of the newest stored model, nullopt when none is. Threads: as the connection. Errors: the driver's.
sdk::Result<std::optional<std::int64_t>> NewestMatchModelId(odbc::Connection& connection);

// The newest stored model (the highest id), nullopt when none is. Threads: as the connection. Errors: the
// driver's Status.
sdk::Result<std::optional<StoredMatchModel>> ReadNewestMatchModel(odbc::Connection& connection);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_MATCH_MODELS_HPP_
