// The answers the API's write routes share: a body refused field by field, and a store's failure.
#ifndef HUB_SERVICE_ROUTE_ANSWERS_HPP_
#define HUB_SERVICE_ROUTE_ANSWERS_HPP_

#include <string_view>
#include <vector>

#include "api/http_types.hpp"
#include "hub/sdk/status.hpp"
#include "service/json_body_reader.hpp"

namespace hub::service {

// 400 bad_request: "invalid <what>: field: why; …" with error.fields {field: why} (the body's own fault
// under no field name).
api::HttpResponse RefusedBody(std::string_view what, const std::vector<BodyFieldError>& errors);

// 503 unavailable when the store does not answer, 400 bad_request for the record's own fault (a value the
// store refuses: store_fault.hpp), else 500 internal_error.
api::HttpResponse StoreFailure(const sdk::Status& status);

}  // namespace hub::service

#endif  // HUB_SERVICE_ROUTE_ANSWERS_HPP_
