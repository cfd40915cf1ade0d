#include "service/route_answers.hpp"

#include <string>

#include <boost/json.hpp>

#include "store/model/store_fault.hpp"

namespace hub::service {

api::HttpResponse RefusedBody(std::string_view what, const std::vector<BodyFieldError>& errors) {
  std::string message = "invalid " + std::string(what) + ":";
  boost::json::object fields;
  for (const BodyFieldError& error : errors) {
    message += " " + (error.field.empty() ? std::string("body") : error.field) + ": " + error.message + ";";
    if (!error.field.empty()) fields[error.field] = error.message;
  }
  message.pop_back();
  return api::HttpResponse::Json(
      400, boost::json::object{
               {"error",
                boost::json::object{{"code", "bad_request"}, {"message", message}, {"fields", std::move(fields)}}}});
}

api::HttpResponse StoreFailure(const sdk::Status& status) {
  if (status.code() == sdk::StatusCode::kUnavailable) {
    return api::HttpResponse::Error(503, "unavailable", "the store does not answer; try again later");
  }
  if (store_model::IsRecordsFault(status)) return api::HttpResponse::Error(400, "bad_request", status.message());
  return api::HttpResponse::Error(500, "internal_error", status.message());
}

}  // namespace hub::service
