// The catalog part of docs/DATA_MODEL.md, generated from the C++ definition.
#ifndef HUB_MODEL_CATALOG_DOC_HPP_
#define HUB_MODEL_CATALOG_DOC_HPP_

#include <string>

namespace hub::model {

// Markdown for every entity of Entities(): a heading, its description and main table, and a table of its
// fields (name, type, required, allowed values or reference, where it is stored, description).
// docs/DATA_MODEL.md keeps it between "<!-- catalog:begin -->" and "<!-- catalog:end -->"; a test checks
// that the two agree. Pure function, thread-safe.
std::string RenderCatalogMarkdown();

}  // namespace hub::model

#endif  // HUB_MODEL_CATALOG_DOC_HPP_
