// The source links of one batch: which stored record stands for a source record, with its content hash.
#ifndef HUB_STORE_MODEL_SOURCE_LINKS_HPP_
#define HUB_STORE_MODEL_SOURCE_LINKS_HPP_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"

namespace hub::store_model {

// One row of source_links: the record a source record became (`record_id`, the row in the entity's main
// table; for a party its party id) and the content hash it was stored with.
struct SourceLink {
  std::int64_t id = 0;
  std::int64_t record_id = 0;
  std::string content_hash;
  bool deleted = false;
};

// The source links looked up or written during one transaction on one connection, shared by every writer
// of the batch, so that a link is queried once and a record seen twice in a batch sees its first write.
// Keyed by (source_system, entity, source_id). After rolling back a record's writes, Forget it.
// Threads: as the connection; lifetime: one transaction.
class SourceLinks {
 public:
  explicit SourceLinks(odbc::Connection& connection) : connection_(connection) {}

  // The link of `record`, or nullopt when it has none yet.
  sdk::Result<std::optional<SourceLink>> Find(const model::MappedRecord& record);

  // The link of the record `source_id` of `entity` in `source_system`, or nullopt when it has none yet.
  sdk::Result<std::optional<SourceLink>> Find(std::string_view source_system, std::string_view entity,
                                              std::string_view source_id);

  // Looks up the links of `source_ids` (of one entity and source system) with one query per few hundred
  // (SQLite) or few thousand (PostgreSQL) and remembers them, found or not, so that Find asks nothing more
  // for these records.
  sdk::Status Prefetch(std::string_view entity, std::string_view source_system,
                       const std::vector<std::string>& source_ids);

  // True when writing `record` would change nothing: its link is live and has the same content hash.
  sdk::Result<bool> Unchanged(const model::MappedRecord& record);

  // True when a Prefetch or Find of this transaction found that `record` has no link yet.
  bool KnownAbsent(const model::MappedRecord& record) const;

  // The link just inserted for `record`, or moved by Refresh.
  void Remember(const model::MappedRecord& record, SourceLink link);

  // Moves `link` to `content_hash`, live again and seen now (the record was stored again).
  sdk::Status Refresh(const model::MappedRecord& record, const SourceLink& link, const std::string& content_hash);

  // Marks `link` deleted (the source deleted the record; what it became stays).
  sdk::Status MarkDeleted(const model::MappedRecord& record, const SourceLink& link);

  void Forget(const model::MappedRecord& record) { known_.erase(KeyOf(record)); }

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // (source_system, entity, source_id)
  static Key KeyOf(const model::MappedRecord& record) {
    return {record.source_system, std::string(record.entity->name), record.source_id};
  }

  odbc::Connection& connection_;
  std::map<Key, std::optional<SourceLink>> known_;
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_SOURCE_LINKS_HPP_
