#include "hub/sdk/status.hpp"

#include <string>

#include <gtest/gtest.h>

namespace hub::sdk {
namespace {

TEST(Status, DefaultIsOkAndPrintsOk) {
  Status status;
  EXPECT_TRUE(status.ok());
  EXPECT_EQ(status.code(), StatusCode::kOk);
  EXPECT_EQ(status.ToString(), "ok");
  EXPECT_TRUE(Status::Ok().ok());
}

TEST(Status, EachFactoryCarriesItsCodeAndPrintsItsName) {
  struct Case {
    Status status;
    StatusCode code;
    std::string text;
  };
  const Case kCases[] = {
      {Status::InvalidArgument("m"), StatusCode::kInvalidArgument, "invalid argument: m"},
      {Status::NotFound("m"), StatusCode::kNotFound, "not found: m"},
      {Status::IoError("m"), StatusCode::kIoError, "i/o error: m"},
      {Status::Unavailable("m"), StatusCode::kUnavailable, "unavailable: m"},
      {Status::Cancelled("m"), StatusCode::kCancelled, "cancelled: m"},
      {Status::Unimplemented("m"), StatusCode::kUnimplemented, "unimplemented: m"},
      {Status::DataError("m"), StatusCode::kDataError, "data error: m"},
      {Status::Internal("m"), StatusCode::kInternal, "internal error: m"},
  };
  for (const Case& c : kCases) {
    EXPECT_FALSE(c.status.ok()) << c.text;
    EXPECT_EQ(c.status.code(), c.code) << c.text;
    EXPECT_EQ(c.status.message(), "m");
    EXPECT_EQ(c.status.ToString(), c.text);
  }
}

TEST(Status, WithContextPrefixesTheMessageAndKeepsTheCode) {
  Status status = Status::IoError("no such file").WithContext("reading a.csv").WithContext("connector crm");
  EXPECT_EQ(status.code(), StatusCode::kIoError);
  EXPECT_EQ(status.message(), "connector crm: reading a.csv: no such file");
  EXPECT_TRUE(Status::Ok().WithContext("anything").ok());
  EXPECT_EQ(Status::Ok().WithContext("anything").message(), "");
}

TEST(Result, HoldsAValueWithAnOkStatus) {
  Result<int> value = 42;
  ASSERT_TRUE(value.ok());
  EXPECT_EQ(*value, 42);
  EXPECT_TRUE(value.status().ok());
}

TEST(Result, HoldsTheStatusWhenThereIsNoValue) {
  Result<int> error = Status::NotFound("no row 7");
  ASSERT_FALSE(error.ok());
  EXPECT_EQ(error.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(error.status().message(), "no row 7");
}

TEST(Result, BuiltFromAnOkStatusIsAnInternalError) {
  Result<std::string> result = Status::Ok();
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.status().code(), StatusCode::kInternal);
}

TEST(Result, MovesItsValueOut) {
  Result<std::string> result = std::string("payload");
  std::string moved = std::move(result).value();
  EXPECT_EQ(moved, "payload");
  Result<std::string> other = std::string("abc");
  EXPECT_EQ(other->size(), 3u);
}

Status FailsAt(int step, int* reached) {
  for (int i = 1; i <= 3; ++i) {
    HUB_RETURN_IF_ERROR(i == step ? Status::DataError("step " + std::to_string(i)) : Status::Ok());
    *reached = i;
  }
  return Status::Ok();
}

Result<int> ForwardsIntoAResult(int step) {
  int reached = 0;
  HUB_RETURN_IF_ERROR(FailsAt(step, &reached));
  return reached;
}

TEST(ReturnIfError, ReturnsTheFirstErrorAndRunsNothingAfterIt) {
  int reached = 0;
  Status status = FailsAt(2, &reached);
  EXPECT_EQ(status.message(), "step 2");
  EXPECT_EQ(reached, 1);

  EXPECT_TRUE(FailsAt(0, &reached).ok());
  EXPECT_EQ(reached, 3);

  Result<int> forwarded = ForwardsIntoAResult(3);
  EXPECT_EQ(forwarded.status().code(), StatusCode::kDataError);
  EXPECT_EQ(*ForwardsIntoAResult(0), 3);
}

}  // namespace
}  // namespace hub::sdk
