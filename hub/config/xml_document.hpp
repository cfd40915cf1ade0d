// Private to hub_config: a parsed XML file that can tell the line of any of its nodes and attributes.
#ifndef HUB_CONFIG_XML_DOCUMENT_HPP_
#define HUB_CONFIG_XML_DOCUMENT_HPP_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <pugixml.hpp>

#include "config/config_error.hpp"

namespace hub::config {

// The file's bytes and the pugixml tree parsed in place over them, so that every name pointer in the
// tree is an offset into the original text (which the line index maps to a line). Not copyable: the
// tree points into the buffer. Not thread-safe; one load uses it at a time.
class XmlDocument {
 public:
  // Reads and parses `file` as UTF-8. On failure returns nullptr and appends one error located in
  // `shown_path` (missing file, unreadable file, or XML syntax error with its line).
  static std::unique_ptr<XmlDocument> Load(const std::filesystem::path& file, const std::filesystem::path& shown_path,
                                           std::vector<ConfigError>* errors);

  // Parses `text` (UTF-8) as a document shown as `shown_path` in errors (a plugin's default mapping set). On
  // failure returns nullptr and appends the XML syntax error with its line.
  static std::unique_ptr<XmlDocument> Parse(std::string text, const std::filesystem::path& shown_path,
                                            std::vector<ConfigError>* errors);

  XmlDocument(const XmlDocument&) = delete;
  XmlDocument& operator=(const XmlDocument&) = delete;

  pugi::xml_node Root() const { return document_.document_element(); }

  // 1-based line of a node or attribute of this document (0 if it does not come from the file). For
  // text, the line of its first non-blank character.
  int LineOf(pugi::xml_node node) const;
  int LineOf(pugi::xml_attribute attribute) const { return LineOfPointer(attribute.name()); }

 private:
  XmlDocument() = default;
  // Parses buffer_; on failure appends the syntax error and answers false.
  bool ParseBuffer(const std::filesystem::path& shown_path, std::vector<ConfigError>* errors);
  void IndexLines();
  int LineOfOffset(std::size_t offset) const;
  int LineOfPointer(const char* pointer) const;

  std::string buffer_;
  std::vector<std::size_t> line_starts_;  // offset of the first byte of each line
  pugi::xml_document document_;
};

}  // namespace hub::config

#endif  // HUB_CONFIG_XML_DOCUMENT_HPP_
