// The main-table row a mapped record of a generic entity writes, built once here so that the per-record path
// (EntityWriter) and the bulk path (BulkEntityWriter) store exactly the same columns, defaults, references and
// normal forms.
#ifndef HUB_STORE_MODEL_ENTITY_ROWS_HPP_
#define HUB_STORE_MODEL_ENTITY_ROWS_HPP_

#include <string>
#include <string_view>

#include "hub/sdk/status.hpp"
#include "model/mapped_record.hpp"
#include "store/model/entity_extension.hpp"
#include "store/model/references.hpp"

namespace hub::store_model {

// What a null value does to the row: kInsert writes the field's declared default, the value the store
// computes (a timestamp: now), or NULL; kUpdate writes the declared default or NULL (a value the store
// computes stays); kMerge (a record for a row another source shares) leaves the stored value. Every
// mapped column is in the row whatever its value, so that a mapping's writes share one statement.
enum class RowPurpose { kInsert, kUpdate, kMerge };

// The columns of `record`'s main-table row for `purpose` (EntityColumns' plan), each with the expression its
// value goes through ("?" unless a null keeps or computes something): values with their declared defaults,
// JSON objects, normal forms (a phone number without one flagged in quality_issues), and each reference
// resolved through `references` to the id of the row it names; a reference whose text is kept too leaves
// the id null when it names nothing (unresolved_text_reference). Errors: NotFound (MissingReference) for a
// reference no stored row answers; as References::ResolveField.
sdk::Result<RowValues> BuildEntityRow(References& references, const model::MappedRecord& record, RowPurpose purpose);

// Appended to the content hash kept on a link whose row has a text reference that named no stored row (an
// order line's unknown sku): the next read of the same record then differs from it, so the reference is
// looked up again and stored once it names a row.
inline constexpr std::string_view kUnresolvedMark = "+unresolved";

// The hash a link keeps for `row` built from a record of content hash `hash` (kUnresolvedMark appended when
// a text reference named nothing).
std::string LinkHash(const std::string& hash, const RowValues& row);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_ENTITY_ROWS_HPP_
