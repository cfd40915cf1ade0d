// The funnel's figures from a stage history: stays begun, ended by moving on, won, lost or still open.
#include "export/funnel.hpp"

#include <gtest/gtest.h>

namespace hub::exporting {
namespace {

constexpr std::int64_t kDay = 86'400'000;

TEST(FunnelBuilder, CountsEachStayAndOrdersStagesAsOpportunitiesWalkThem) {
  FunnelBuilder funnel;
  funnel.Add(1, "qualify", 0, "won");
  funnel.Add(1, "proposal", 2 * kDay, "won");
  funnel.Add(2, "qualify", 0, "open");
  funnel.Add(2, "proposal", 4 * kDay, "open");
  funnel.Add(2, "negotiation", 5 * kDay, "open");
  funnel.Add(3, "qualify", 0, "lost");
  std::vector<std::vector<sdk::Value>> rows = funnel.Rows();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0][0].text(), "qualify");
  EXPECT_EQ(rows[1][0].text(), "proposal");
  EXPECT_EQ(rows[2][0].text(), "negotiation");
  // qualify: 3 entered, 2 moved on after 2 and 4 days, 1 lost there.
  EXPECT_EQ(rows[0][1].integer(), 3);
  EXPECT_EQ(rows[0][2].integer(), 0);
  EXPECT_EQ(rows[0][3].integer(), 2);
  EXPECT_EQ(rows[0][5].integer(), 1);
  EXPECT_EQ(rows[0][6].text(), "3.00");
  EXPECT_EQ(rows[0][7].text(), "0.6667");
  // proposal: 2 entered, one won there, one moved on after a day.
  EXPECT_EQ(rows[1][3].integer(), 1);
  EXPECT_EQ(rows[1][4].integer(), 1);
  EXPECT_EQ(rows[1][6].text(), "1.00");
  EXPECT_EQ(rows[1][7].text(), "1.0000");
  // negotiation: one open opportunity there now; nothing has left it.
  EXPECT_EQ(rows[2][2].integer(), 1);
  EXPECT_TRUE(rows[2][6].is_null());
  EXPECT_TRUE(rows[2][7].is_null());
}

TEST(FunnelBuilder, AnEmptyHistoryHasNoStages) {
  FunnelBuilder funnel;
  EXPECT_TRUE(funnel.Rows().empty());
  EXPECT_EQ(FunnelBuilder::Columns().size(), 8u);
}

}  // namespace
}  // namespace hub::exporting
