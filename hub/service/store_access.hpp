// Opening the configuration's store: the one place that turns <store> into a Database.
#ifndef HUB_SERVICE_STORE_ACCESS_HPP_
#define HUB_SERVICE_STORE_ACCESS_HPP_

#include <cstddef>
#include <memory>

#include "config/hub_config.hpp"
#include "hub/sdk/status.hpp"
#include "store/odbc/database.hpp"

namespace hub::service {

// Opens the store behind config.store's connection strings (failover in their order), with SQLite
// `Database=` paths made absolute against the configuration file's folder and that folder created when
// missing, and a pool of `pool_size` connections. Errors: the Database's (connection strings masked).
sdk::Result<std::unique_ptr<odbc::Database>> OpenStore(const config::HubConfig& config, std::size_t pool_size);

// OpenStore, then brings the schema up to date (schema::Migrate); logs what the migration did.
sdk::Result<std::unique_ptr<odbc::Database>> OpenAndMigrateStore(const config::HubConfig& config, std::size_t pool_size,
                                                                 const Logger& log);

// OK when a connection can be leased and answers a trivial query; else why not. Thread-safe.
sdk::Status PingStore(odbc::Database& database);

}  // namespace hub::service

#endif  // HUB_SERVICE_STORE_ACCESS_HPP_
