// Reading a JSON request body field by field, noting every field at fault instead of stopping at the first:
// what the API's write routes (call events, lead intake) share.
#ifndef HUB_SERVICE_JSON_BODY_READER_HPP_
#define HUB_SERVICE_JSON_BODY_READER_HPP_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <boost/json/object.hpp>

#include "model/mapped_record.hpp"

namespace hub::service {

// One field of the body at fault, and why: {"started_at", "required: when the call started, RFC 3339"}. An
// empty field is the body as a whole.
struct BodyFieldError {
  std::string field;
  std::string message;
};

// The body as one JSON object; nullopt (with the error noted) when it is none.
std::optional<boost::json::object> ParseObjectBody(std::string_view body, std::vector<BodyFieldError>& errors);

// Reads the fields of one body object; each accessor answers nullopt for a field not given (absent or null)
// and for one at fault, which it notes in `errors`. Lifetime: `body` and `errors` outlive it.
class JsonBodyReader {
 public:
  JsonBodyReader(const boost::json::object& body, std::vector<BodyFieldError>& errors) : body_(body), errors_(errors) {}

  // Notes every field of the body that is not one of `known` (a misspelt field would be lost).
  void RefuseOthers(std::span<const std::string_view> known, std::string_view what);

  // The text of `name`. A number is taken as its digits when `numbers` (an extension written 301).
  std::optional<std::string> Text(std::string_view name, bool numbers = false);
  // The text of `name`, which must be one of `allowed`.
  std::optional<std::string> OneOf(std::string_view name, std::span<const std::string_view> allowed);
  // The instant of `name` (an RFC 3339 date and time) in milliseconds since the epoch.
  std::optional<std::int64_t> Instant(std::string_view name);
  // The whole number of `name`, at least 0.
  std::optional<std::int64_t> Count(std::string_view name);
  // The row id of `name` (a customer's, a lead's): a whole number of at least 1.
  std::optional<std::int64_t> RowId(std::string_view name);
  // The amount of `name`, a number or decimal text of at least 0, as decimal text ("12500.50"); a JSON number
  // with a fraction is taken to the cent (decimal text keeps every digit).
  std::optional<std::string> Amount(std::string_view name);
  // The texts of `name`, an array of non-empty text.
  std::optional<std::vector<std::string>> TextList(std::string_view name);

  bool Given(std::string_view name) const { return Find(name) != nullptr; }
  // Notes `name` as missing when it is not given.
  void Require(std::string_view name, std::string message);
  void Fault(std::string_view name, std::string message) { errors_.push_back({std::string(name), std::move(message)}); }

 private:
  const boost::json::value* Find(std::string_view name) const;

  const boost::json::object& body_;
  std::vector<BodyFieldError>& errors_;
};

// Adds the field `name` of `record`'s entity with `value`; PutText only when `text` is given.
void Put(model::MappedRecord& record, std::string_view name, sdk::Value value);
void PutText(model::MappedRecord& record, std::string_view name, const std::optional<std::string>& text);

}  // namespace hub::service

#endif  // HUB_SERVICE_JSON_BODY_READER_HPP_
