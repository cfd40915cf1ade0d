#include "supply_chain/idoc_splitter.hpp"

#include <expat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

namespace hub::supply_chain {
namespace {

constexpr std::string_view kIdocTag = "IDOC";

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr) std::fclose(file);
  }
};
using FileHandle = std::unique_ptr<std::FILE, FileCloser>;

struct ParserFree {
  void operator()(XML_Parser parser) const { XML_ParserFree(parser); }
};
using Parser = std::unique_ptr<std::remove_pointer_t<XML_Parser>, ParserFree>;

std::string Upper(const char* text) {
  std::string upper(text == nullptr ? "" : text);
  std::transform(upper.begin(), upper.end(), upper.begin(), [](unsigned char c) { return std::toupper(c); });
  return upper;
}

sdk::Status ReadError(const std::string& path) {
  return sdk::Status::IoError("cannot read " + path + ": " + std::strerror(errno));
}

// Reads up to `size` bytes at `offset`; fewer only at the end of the file.
sdk::Result<std::size_t> ReadAt(std::FILE* file, const std::string& path, std::uint64_t offset, char* buffer,
                                std::size_t size) {
  if (std::fseek(file, static_cast<long>(offset), SEEK_SET) != 0) return ReadError(path);
  const std::size_t got = std::fread(buffer, 1, size, file);
  if (got < size && std::ferror(file) != 0) return ReadError(path);
  return got;
}

// The declaration and root start tag of a file: found by parsing its head until the root starts.
struct Head {
  std::string bytes;  // [0, end of the root's start tag)
  std::string root_name;
  std::string encoding;
  std::uint64_t newlines = 0;
};

struct HeadScan {
  XML_Parser parser = nullptr;
  std::string root_name;
  std::string encoding;
  std::uint64_t root_end = 0;
  bool found = false;
};

void XMLCALL HeadDeclaration(void* data, const XML_Char*, const XML_Char* encoding, int) {
  static_cast<HeadScan*>(data)->encoding = Upper(encoding);
}

void XMLCALL HeadStart(void* data, const XML_Char* name, const XML_Char**) {
  auto* scan = static_cast<HeadScan*>(data);
  scan->root_name = name;
  scan->root_end = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(scan->parser)) +
                   static_cast<std::uint64_t>(XML_GetCurrentByteCount(scan->parser));
  scan->found = true;
  XML_StopParser(scan->parser, XML_FALSE);
}

sdk::Result<Head> ReadHead(std::FILE* file, const std::string& path, std::size_t chunk_bytes) {
  Parser parser(XML_ParserCreate(nullptr));
  HeadScan scan;
  scan.parser = parser.get();
  XML_SetUserData(parser.get(), &scan);
  XML_SetXmlDeclHandler(parser.get(), HeadDeclaration);
  XML_SetStartElementHandler(parser.get(), HeadStart);
  std::vector<char> chunk(std::min<std::size_t>(chunk_bytes, 64 * 1024));
  std::uint64_t offset = 0;
  for (;;) {
    sdk::Result<std::size_t> got = ReadAt(file, path, offset, chunk.data(), chunk.size());
    if (!got.ok()) return got.status();
    const XML_Status status = XML_Parse(parser.get(), chunk.data(), static_cast<int>(*got), *got == 0);
    if (scan.found) break;
    if (status == XML_STATUS_ERROR || *got == 0) {
      const std::string why = status == XML_STATUS_ERROR ? XML_ErrorString(XML_GetErrorCode(parser.get()))
                                                         : "the file ends before its root element starts";
      return sdk::Status::DataError(path + ": line " + std::to_string(XML_GetCurrentLineNumber(parser.get())) +
                                    ": not IDoc-XML: " + why);
    }
    offset += *got;
  }
  Head head;
  head.bytes.resize(scan.root_end);
  sdk::Result<std::size_t> got = ReadAt(file, path, 0, head.bytes.data(), head.bytes.size());
  if (!got.ok()) return got.status();
  head.root_name = scan.root_name;
  head.encoding = scan.encoding;
  if (head.bytes.size() >= 2 && head.bytes[0] == '\xFF' && head.bytes[1] == '\xFE') head.encoding = "UTF-16LE";
  if (head.bytes.size() >= 2 && head.bytes[0] == '\xFE' && head.bytes[1] == '\xFF') head.encoding = "UTF-16BE";
  head.newlines = static_cast<std::uint64_t>(std::count(head.bytes.begin(), head.bytes.end(), '\n'));
  return head;
}

}  // namespace

class IdocSplitter::Impl {
 public:
  Impl(FileHandle file, std::string path, Head head, SplitStart start, std::size_t chunk_bytes)
      : file_(std::move(file)), path_(std::move(path)), head_(std::move(head)), chunk_(chunk_bytes) {
    Restart(start);
  }

  sdk::Result<std::optional<IdocSpan>> Next() {
    for (;;) {
      if (ready_) {
        ready_ = false;
        return std::optional<IdocSpan>(std::move(span_));
      }
      if (finished_) return std::optional<IdocSpan>();
      XML_Status status;
      if (suspended_) {
        suspended_ = false;
        status = XML_ResumeParser(parser_.get());
      } else {
        sdk::Result<std::size_t> got = ReadAt(file_.get(), path_, read_at_, chunk_.data(), chunk_.size());
        if (!got.ok()) return got.status();
        read_at_ += *got;
        at_end_ = *got == 0;
        status = XML_Parse(parser_.get(), chunk_.data(), static_cast<int>(*got), at_end_);
      }
      if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        continue;
      }
      if (status == XML_STATUS_ERROR) HUB_RETURN_IF_ERROR(Recover());
      if (status == XML_STATUS_OK && at_end_) finished_ = true;
    }
  }

  const Head& head() const { return head_; }

 private:
  // A fresh parser fed the head, to go on reading the file at `start`.
  void Restart(SplitStart start) {
    parser_.reset(XML_ParserCreate(nullptr));
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), OnStart, OnEnd);
    stream_base_ = start.offset;
    line_base_ = start.line;
    resumed_ = start.offset != 0;
    depth_ = 0;
    in_idoc_ = false;
    suspended_ = false;
    if (resumed_) {
      XML_Parse(parser_.get(), head_.bytes.data(), static_cast<int>(head_.bytes.size()), XML_FALSE);
    }
    read_at_ = start.offset;
  }

  // The file offset of expat's current byte index.
  std::uint64_t FileOffset(XML_Index index) const {
    const auto stream = static_cast<std::uint64_t>(index);
    if (!resumed_) return stream;
    return stream - head_.bytes.size() + stream_base_;
  }

  std::uint64_t FileLine() const {
    const auto line = static_cast<std::uint64_t>(XML_GetCurrentLineNumber(parser_.get()));
    if (!resumed_) return line;
    return line - head_.newlines + line_base_ - 1;
  }

  static void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char**) {
    auto* self = static_cast<Impl*>(data);
    if (self->depth_ == 1 && kIdocTag == name) {
      self->in_idoc_ = true;
      self->span_ = IdocSpan{};
      self->span_.begin = self->FileOffset(XML_GetCurrentByteIndex(self->parser_.get()));
      self->span_.line = self->FileLine();
    }
    ++self->depth_;
  }

  static void XMLCALL OnEnd(void* data, const XML_Char*) {
    auto* self = static_cast<Impl*>(data);
    --self->depth_;
    if (self->depth_ != 1 || !self->in_idoc_) return;
    self->in_idoc_ = false;
    XML_Parser parser = self->parser_.get();
    self->span_.end =
        self->FileOffset(XML_GetCurrentByteIndex(parser)) + static_cast<std::uint64_t>(XML_GetCurrentByteCount(parser));
    self->span_.end_line = self->FileLine();
    self->ready_ = true;
    XML_StopParser(parser, XML_TRUE);
  }

  // expat refused the XML. Inside an IDOC: that IDOC becomes a malformed span ending at the next `</IDOC>`,
  // and a fresh parser goes on after it. Elsewhere: the file is malformed.
  sdk::Status Recover() {
    XML_Parser parser = parser_.get();
    const std::string why = XML_ErrorString(XML_GetErrorCode(parser));
    const std::uint64_t line = FileLine();
    const std::uint64_t at = FileOffset(XML_GetCurrentByteIndex(parser));
    if (!in_idoc_ && at_end_ && depth_ >= 1) {
      return sdk::Status::DataError(path_ + ": line " + std::to_string(line) + ": the file ends before </" +
                                    head_.root_name + "> closes its root (" + why + ")");
    }
    if (!in_idoc_) {
      return sdk::Status::DataError(path_ + ": line " + std::to_string(line) +
                                    ": malformed XML outside any IDOC: " + why);
    }
    sdk::Result<std::optional<std::pair<std::uint64_t, std::uint64_t>>> close = FindIdocEnd(at);
    if (!close.ok()) return close.status();
    if (!close->has_value()) {
      return sdk::Status::DataError(path_ + ": line " + std::to_string(line) + ": malformed XML in the IDOC at line " +
                                    std::to_string(span_.line) + " (" + why + "), and no </IDOC> follows it");
    }
    span_.end = (*close)->first;
    span_.end_line = (*close)->second;
    span_.malformed = why;
    span_.malformed_line = line;
    IdocSpan span = std::move(span_);
    Restart(SplitStart{span.end, span.end_line});
    span_ = std::move(span);
    ready_ = true;
    return sdk::Status::Ok();
  }

  // The offset just after the first `</IDOC>` at or after `from`, and its line; nullopt when none follows.
  sdk::Result<std::optional<std::pair<std::uint64_t, std::uint64_t>>> FindIdocEnd(std::uint64_t from) {
    constexpr std::string_view kClose = "</IDOC>";
    std::uint64_t line = FileLine();
    std::string window;
    std::uint64_t window_start = from;
    for (;;) {
      sdk::Result<std::size_t> got =
          ReadAt(file_.get(), path_, window_start + window.size(), chunk_.data(), chunk_.size());
      if (!got.ok()) return got.status();
      if (*got == 0) return std::optional<std::pair<std::uint64_t, std::uint64_t>>();
      window.append(chunk_.data(), *got);
      const std::size_t hit = window.find(kClose);
      if (hit != std::string::npos) {
        line += static_cast<std::uint64_t>(std::count(window.begin(), window.begin() + hit, '\n'));
        return std::optional(std::make_pair(window_start + hit + kClose.size(), line));
      }
      const std::size_t keep = kClose.size() - 1;
      const std::size_t drop = window.size() - std::min(window.size(), keep);
      line += static_cast<std::uint64_t>(std::count(window.begin(), window.begin() + drop, '\n'));
      window.erase(0, drop);
      window_start += drop;
    }
  }

  FileHandle file_;
  std::string path_;
  Head head_;
  std::vector<char> chunk_;
  Parser parser_;
  std::uint64_t stream_base_ = 0;  // the file offset the stream continues at after the head (resumed_)
  std::uint64_t line_base_ = 1;
  bool resumed_ = false;
  std::uint64_t read_at_ = 0;
  int depth_ = 0;
  bool in_idoc_ = false;
  bool suspended_ = false;
  bool ready_ = false;
  bool at_end_ = false;
  bool finished_ = false;
  IdocSpan span_;
};

IdocSplitter::IdocSplitter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
IdocSplitter::~IdocSplitter() = default;

sdk::Result<std::unique_ptr<IdocSplitter>> IdocSplitter::Open(const std::string& path, SplitStart start,
                                                              std::size_t chunk_bytes) {
  FileHandle file(std::fopen(path.c_str(), "rb"));
  if (file == nullptr) return ReadError(path);
  sdk::Result<Head> head = ReadHead(file.get(), path, chunk_bytes);
  if (!head.ok()) return head.status();
  if (start.offset != 0 && start.offset < head->bytes.size()) {
    return sdk::Status::InvalidArgument(path + ": offset " + std::to_string(start.offset) +
                                        " lies inside the root's start tag");
  }
  auto impl = std::make_unique<Impl>(std::move(file), path, std::move(head).value(), start,
                                     std::max<std::size_t>(chunk_bytes, 1));
  return std::unique_ptr<IdocSplitter>(new IdocSplitter(std::move(impl)));
}

sdk::Result<std::optional<IdocSpan>> IdocSplitter::Next() { return impl_->Next(); }
const std::string& IdocSplitter::root_name() const { return impl_->head().root_name; }
const std::string& IdocSplitter::encoding() const { return impl_->head().encoding; }

}  // namespace hub::supply_chain
