// References kept as text until their referent arrives: a field stored as text and id (FieldStorage::
// text_column) that names a record by its source id (an order partner's party_source_id, a delivery's
// ship-to) is written with a null id when that record is not stored yet; these fill the id in once it is.
#ifndef HUB_STORE_MODEL_TEXT_REFERENCES_HPP_
#define HUB_STORE_MODEL_TEXT_REFERENCES_HPP_

#include <cstdint>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "model/catalog.hpp"

namespace hub::store_model {

// Sets the id of every stored row whose text reference names `source_id` of `entity` with a null id, where the
// row's own source link is of `source_system` (the system whose ids the text holds), to `record_id`: the row the
// referent became. One indexed statement per such field in the catalog (none for most entities).
// Threads: as the connection, inside the caller's transaction. Errors: the driver's Status.
sdk::Status FillTextReferences(odbc::Connection& connection, const model::EntitySpec& entity,
                               std::string_view source_system, std::string_view source_id, std::int64_t record_id);

// FillTextReferences for every record of `entity` stored by now, in one statement per field: after a bulk
// insert of many such records.
sdk::Status FillAllTextReferences(odbc::Connection& connection, const model::EntitySpec& entity);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_TEXT_REFERENCES_HPP_
