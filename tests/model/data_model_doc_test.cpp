// docs/DATA_MODEL.md keeps the catalog section generated from the C++ definition.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "model/catalog_doc.hpp"

namespace hub::model {
namespace {

TEST(DataModelDoc, CatalogSectionMatchesTheCatalog) {
  std::ifstream in(std::string(HUB_SOURCE_DIR) + "/docs/DATA_MODEL.md");
  ASSERT_TRUE(in) << "docs/DATA_MODEL.md is missing";
  std::stringstream text;
  text << in.rdbuf();
  const std::string doc = text.str();
  const std::string begin = "<!-- catalog:begin -->\n";
  const std::size_t from = doc.find(begin);
  const std::size_t to = doc.find("<!-- catalog:end -->");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string expected = RenderCatalogMarkdown();
  EXPECT_EQ(doc.substr(from + begin.size(), to - from - begin.size()), expected)
      << "Paste this between the markers in docs/DATA_MODEL.md:\n"
      << expected;
}

TEST(DataModelDoc, RendersEachEntityWithItsFields) {
  const std::string markdown = RenderCatalogMarkdown();
  EXPECT_NE(markdown.find("### party\n"), std::string::npos);
  EXPECT_NE(markdown.find("| `kind` | string | yes | `organization` \\| `person` | parties.kind |"), std::string::npos);
  EXPECT_NE(markdown.find("→ `party.source_id`"), std::string::npos);
}

}  // namespace
}  // namespace hub::model
