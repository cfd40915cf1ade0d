// Errors as values: Status for "did it work", Result<T> for "the value, or why not".
#ifndef HUB_SDK_STATUS_HPP_
#define HUB_SDK_STATUS_HPP_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "hub/sdk/abi.h"

namespace hub::sdk {

enum class StatusCode : int {
  kOk = HUB_STATUS_OK,
  kInvalidArgument = HUB_STATUS_INVALID_ARGUMENT,
  kNotFound = HUB_STATUS_NOT_FOUND,
  kIoError = HUB_STATUS_IO_ERROR,
  kUnavailable = HUB_STATUS_UNAVAILABLE,
  kCancelled = HUB_STATUS_CANCELLED,
  kUnimplemented = HUB_STATUS_UNIMPLEMENTED,
  kDataError = HUB_STATUS_DATA_ERROR,
  kInternal = HUB_STATUS_INTERNAL,
};

// The outcome of an operation: OK, or a code and a message meant for an operator ("what failed, on
// which file/record, what to do"). Cheap to copy when OK. Not thread-safe to mutate; immutable in use.
class [[nodiscard]] Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string message) { return {StatusCode::kInvalidArgument, std::move(message)}; }
  static Status NotFound(std::string message) { return {StatusCode::kNotFound, std::move(message)}; }
  static Status IoError(std::string message) { return {StatusCode::kIoError, std::move(message)}; }
  static Status Unavailable(std::string message) { return {StatusCode::kUnavailable, std::move(message)}; }
  static Status Cancelled(std::string message) { return {StatusCode::kCancelled, std::move(message)}; }
  static Status Unimplemented(std::string message) { return {StatusCode::kUnimplemented, std::move(message)}; }
  static Status DataError(std::string message) { return {StatusCode::kDataError, std::move(message)}; }
  static Status Internal(std::string message) { return {StatusCode::kInternal, std::move(message)}; }

  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

  // "invalid argument: <message>", or "ok".
  std::string ToString() const { return ok() ? std::string("ok") : std::string(CodeName(code_)) + ": " + message_; }

  // The same code with context in front: Status::IoError("x").WithContext("reading a.csv") reads
  // "reading a.csv: x".
  Status WithContext(std::string_view context) const {
    if (ok()) return *this;
    return {code_, std::string(context) + ": " + message_};
  }

  static const char* CodeName(StatusCode code) {
    switch (code) {
      case StatusCode::kOk:
        return "ok";
      case StatusCode::kInvalidArgument:
        return "invalid argument";
      case StatusCode::kNotFound:
        return "not found";
      case StatusCode::kIoError:
        return "i/o error";
      case StatusCode::kUnavailable:
        return "unavailable";
      case StatusCode::kCancelled:
        return "cancelled";
      case StatusCode::kUnimplemented:
        return "unimplemented";
      case StatusCode::kDataError:
        return "data error";
      case StatusCode::kInternal:
        return "internal error";
    }
    return "unknown error";
  }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value of T, or the Status saying why there is none. Constructing from an OK Status is a bug
// (it becomes an internal error). Access the value only after checking ok().
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}         // NOLINT: implicit by design, like absl::StatusOr
  Result(Status status) : status_(std::move(status)) {  // NOLINT
    if (status_.ok()) status_ = Status::Internal("Result built from an OK status");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;  // set exactly when status_ is OK
  Status status_;
};

}  // namespace hub::sdk

// Early return of a non-OK Status from a function returning Status or Result<T>.
#define HUB_RETURN_IF_ERROR(expr)                                \
  do {                                                           \
    ::hub::sdk::Status hub_status_internal_ = (expr);            \
    if (!hub_status_internal_.ok()) return hub_status_internal_; \
  } while (false)

#endif  // HUB_SDK_STATUS_HPP_
