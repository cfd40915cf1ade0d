// The data-quality flags a record's values raise when they have no normal form (a phone number no one
// could dial, a unified social credit code whose check character is wrong): kept in data_quality with the
// value as written, beside the source link that brought them (docs/DATA_MODEL.md).
#ifndef HUB_STORE_MODEL_DATA_QUALITY_HPP_
#define HUB_STORE_MODEL_DATA_QUALITY_HPP_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::store_model {

// One value without a normal form.
struct QualityIssue {
  std::string field;    // the catalog field that took it: "phone", "mobile", "uscc"
  std::string value;    // as written
  std::string problem;  // a code: "invalid_phone", or "invalid_<scheme>" for an identifier ("invalid_uscc")
  std::string detail;   // what is wrong, as the model's check said it
};

// The issue of a phone number ParsePhone refused with `why`.
QualityIssue PhoneIssue(std::string_view field, std::string_view raw, const sdk::Status& why);

// The issue of an identifier of `scheme` that CheckIdentifier refused with `why`.
QualityIssue IdentifierIssue(std::string_view field, std::string_view scheme, std::string_view value,
                             const sdk::Status& why);

// data_quality's columns as the writers fill them, and the values of one row in that order. `party_id`:
// the party whose value it is (null for a record about no party, such as a lead).
inline constexpr std::array<std::string_view, 6> kQualityColumns = {"source_link_id", "party_id", "field",
                                                                    "value",          "problem",  "detail"};
std::vector<sdk::Value> QualityValues(std::int64_t link_id, const sdk::Value& party_id, const QualityIssue& issue);

// Replaces the flags source link `link_id` raised with `issues` (none: clears them), inside the caller's
// transaction. Threads: as the connection. Errors: the driver's Status.
sdk::Status ReplaceQualityIssues(odbc::Connection& connection, std::int64_t link_id, const sdk::Value& party_id,
                                 const std::vector<QualityIssue>& issues);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_DATA_QUALITY_HPP_
