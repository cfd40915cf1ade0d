#include "config/xml_document.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <system_error>

namespace hub::config {
namespace {

// The file's content, or a message saying why it cannot be had.
bool ReadWholeFile(const std::filesystem::path& file, std::string* content, std::string* problem) {
  std::error_code error;
  auto status = std::filesystem::status(file, error);
  if (!std::filesystem::exists(status)) {
    *problem = "configuration file not found";
    return false;
  }
  if (std::filesystem::is_directory(status)) {
    *problem = "cannot read the configuration file: it is a directory";
    return false;
  }
  std::ifstream in(file, std::ios::binary);
  if (in.is_open()) content->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (!in.is_open() || in.bad()) {
    *problem = std::string("cannot read the configuration file: ") + std::strerror(errno);
    return false;
  }
  return true;
}

}  // namespace

std::unique_ptr<XmlDocument> XmlDocument::Load(const std::filesystem::path& file,
                                               const std::filesystem::path& shown_path,
                                               std::vector<ConfigError>* errors) {
  std::unique_ptr<XmlDocument> document(new XmlDocument());
  std::string problem;
  if (!ReadWholeFile(file, &document->buffer_, &problem)) {
    errors->push_back({{shown_path, 0}, problem});
    return nullptr;
  }
  return document->ParseBuffer(shown_path, errors) ? std::move(document) : nullptr;
}

std::unique_ptr<XmlDocument> XmlDocument::Parse(std::string text, const std::filesystem::path& shown_path,
                                                std::vector<ConfigError>* errors) {
  std::unique_ptr<XmlDocument> document(new XmlDocument());
  document->buffer_ = std::move(text);
  return document->ParseBuffer(shown_path, errors) ? std::move(document) : nullptr;
}

bool XmlDocument::ParseBuffer(const std::filesystem::path& shown_path, std::vector<ConfigError>* errors) {
  IndexLines();
  // In place and without encoding conversion: the tree's name pointers stay offsets into buffer_.
  pugi::xml_parse_result parsed =
      document_.load_buffer_inplace(buffer_.data(), buffer_.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!parsed) {
    int line = LineOfOffset(static_cast<std::size_t>(std::max<std::ptrdiff_t>(parsed.offset, 0)));
    errors->push_back({{shown_path, line}, std::string("XML syntax error: ") + parsed.description()});
    return false;
  }
  return true;
}

void XmlDocument::IndexLines() {
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < buffer_.size(); ++i) {
    if (buffer_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

int XmlDocument::LineOf(pugi::xml_node node) const {
  if (node.type() != pugi::node_pcdata && node.type() != pugi::node_cdata) return LineOfPointer(node.name());
  const char* text = node.value();
  return LineOfPointer(text + std::strspn(text, " \t\r\n"));
}

int XmlDocument::LineOfOffset(std::size_t offset) const {
  auto after = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  return static_cast<int>(after - line_starts_.begin());
}

int XmlDocument::LineOfPointer(const char* pointer) const {
  const char* begin = buffer_.data();
  std::less<const char*> before;  // a total order, also for pointers outside the buffer
  if (before(pointer, begin) || before(begin + buffer_.size(), pointer)) return 0;
  return LineOfOffset(static_cast<std::size_t>(pointer - begin));
}

}  // namespace hub::config
