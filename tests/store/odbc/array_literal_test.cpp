// The array literal text of each kind of value: what the server parses back into the same value.
#include "store/odbc/array_literal.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

namespace hub::odbc {
namespace {

using sdk::Value;

std::string Element(const Value& value) {
  std::string literal;
  AppendArrayElement(value, literal);
  return literal;
}

TEST(ArrayLiteral, QuotesTextAndEscapesOnlyQuotesAndBackslashes) {
  EXPECT_EQ(Element(Value::String("")), "\"\"");
  EXPECT_EQ(Element(Value::String("NULL")), "\"NULL\"");
  EXPECT_EQ(Element(Value::String("a,b {c} 'd'")), "\"a,b {c} 'd'\"");
  EXPECT_EQ(Element(Value::String("say \"hi\" \\ done")), "\"say \\\"hi\\\" \\\\ done\"");
  EXPECT_EQ(Element(Value::String("\\\"")), "\"\\\\\\\"\"");
  EXPECT_EQ(Element(Value::String("上海")), "\"上海\"");
  EXPECT_EQ(Element(Value::Decimal("-12.50")), "\"-12.50\"");
  EXPECT_EQ(Element(Value::Date("2026-12-02")), "\"2026-12-02\"");
}

TEST(ArrayLiteral, NullIsTheBareWord) { EXPECT_EQ(Element(Value::Null()), "NULL"); }

TEST(ArrayLiteral, NumbersBooleansAndTimestampsAsThePostgresInputReadsThem) {
  EXPECT_EQ(Element(Value::Int64(std::numeric_limits<std::int64_t>::min())), "-9223372036854775808");
  EXPECT_EQ(Element(Value::Double(0.1 + 0.2)), "0.30000000000000004");
  EXPECT_EQ(Element(Value::Double(-2.5e-300)), "-2.5e-300");
  EXPECT_EQ(Element(Value::Double(std::numeric_limits<double>::quiet_NaN())), "NaN");
  EXPECT_EQ(Element(Value::Double(-std::numeric_limits<double>::infinity())), "-Infinity");
  EXPECT_EQ(Element(Value::Bool(true)), "t");
  EXPECT_EQ(Element(Value::Bool(false)), "f");
  EXPECT_EQ(Element(Value::Timestamp(1764547200123)), "\"2025-12-01 00:00:00.123\"");
  EXPECT_EQ(Element(Value::Timestamp(-1)), "\"1969-12-31 23:59:59.999\"");
}

TEST(ArrayLiteral, AColumnOfRowMajorRows) {
  const std::vector<Value> rows = {Value::Int64(1), Value::String("a"), Value::Int64(2),
                                   Value::Null(),   Value::Int64(3),    Value::String("")};
  EXPECT_EQ(ColumnArrayLiteral(rows, 2, 0), "{1,2,3}");
  EXPECT_EQ(ColumnArrayLiteral(rows, 2, 1), "{\"a\",NULL,\"\"}");
  EXPECT_EQ(ColumnArrayLiteral({}, 2, 1), "{}");
}

}  // namespace
}  // namespace hub::odbc
