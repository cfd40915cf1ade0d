#include "supply_chain/idoc_splitter.hpp"

#include <expat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <utility>
#include <vector>

#include "supply_chain/idoc_head.hpp"
#include "supply_chain/idoc_text_stream.hpp"

namespace hub::supply_chain {
namespace {

constexpr std::string_view kIdocTag = "IDOC";

struct FileCloser {
  void operator()(std::FILE* file) const {
    if (file != nullptr) std::fclose(file);
  }
};
using FileHandle = std::unique_ptr<std::FILE, FileCloser>;

}  // namespace

class IdocSplitter::Impl {
 public:
  Impl(FileHandle file, std::string path, IdocHead head, IdocTextStream stream, SplitStart start,
       std::size_t chunk_bytes)
      : file_(std::move(file)),
        path_(std::move(path)),
        head_(std::move(head)),
        stream_(std::move(stream)),
        chunk_bytes_(chunk_bytes) {
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
        stream_.Forget(in_idoc_ ? idoc_text_begin_ : low_water_);
        sdk::Result<std::string_view> text = stream_.Next();
        if (!text.ok()) {
          if (text.status().code() != sdk::StatusCode::kDataError) return text.status();
          return sdk::Status::DataError(path_ + ": " + text.status().message() + DeclaredEncodingNote(head_.encoding));
        }
        at_end_ = text->empty();
        status = XML_Parse(parser_.get(), text->data(), static_cast<int>(text->size()), at_end_);
      }
      if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        continue;
      }
      if (status == XML_STATUS_ERROR) HUB_RETURN_IF_ERROR(Recover());
      if (status == XML_STATUS_OK && at_end_) finished_ = true;
    }
  }

  const IdocHead& head() const { return head_; }

 private:
  // A fresh parser fed the head, to go on reading the file at `start`.
  // Transcoded text no longer is in the encoding its declaration names: expat is told it is UTF-8.
  void Restart(SplitStart start) {
    parser_.reset(XML_ParserCreate(stream_.transcoded() ? "UTF-8" : nullptr));
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), OnStart, OnEnd);
    line_base_ = start.line;
    resumed_ = start.offset != 0;
    depth_ = 0;
    in_idoc_ = false;
    suspended_ = false;
    low_water_ = 0;
    if (resumed_) {
      XML_Parse(parser_.get(), head_.bytes.data(), static_cast<int>(head_.bytes.size()), XML_FALSE);
    }
    stream_.Seek(start.offset, resumed_ ? head_.bytes.size() : 0, start.line);
  }

  // The file offset of expat's byte index.
  std::uint64_t FileOffset(XML_Index index) const { return stream_.FileOffset(static_cast<std::uint64_t>(index)); }

  std::uint64_t FileLine() const {
    const auto line = static_cast<std::uint64_t>(XML_GetCurrentLineNumber(parser_.get()));
    if (!resumed_) return line;
    return line - head_.newlines + line_base_ - 1;
  }

  static void XMLCALL OnStart(void* data, const XML_Char* name, const XML_Char**) {
    auto* self = static_cast<Impl*>(data);
    // Nothing before an element start is placed in the file again: the stream may forget it.
    if (self->stream_.transcoded())
      self->low_water_ = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(self->parser_.get()));
    if (self->depth_ == 1 && kIdocTag == name) {
      self->in_idoc_ = true;
      self->span_ = IdocSpan{};
      self->idoc_text_begin_ = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(self->parser_.get()));
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
    const auto text_end = static_cast<std::uint64_t>(XML_GetCurrentByteIndex(parser)) +
                          static_cast<std::uint64_t>(XML_GetCurrentByteCount(parser));
    self->span_.end =
        self->FileOffset(XML_GetCurrentByteIndex(parser)) + static_cast<std::uint64_t>(XML_GetCurrentByteCount(parser));
    if (self->stream_.transcoded())
      self->span_.text = std::string(self->stream_.Text(self->idoc_text_begin_, text_end));
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
    HUB_RETURN_IF_ERROR(CheckUtf8At(file_.get(), path_, head_.encoding, at, line));
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
    chunk_.resize(chunk_bytes_);
    for (;;) {
      sdk::Result<std::size_t> got =
          ReadFileAt(file_.get(), path_, window_start + window.size(), chunk_.data(), chunk_.size());
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
  IdocHead head_;
  IdocTextStream stream_;  // reads file_
  std::size_t chunk_bytes_;
  std::vector<char> chunk_;  // FindIdocEnd's
  ExpatParser parser_;
  std::uint64_t line_base_ = 1;
  bool resumed_ = false;
  std::uint64_t low_water_ = 0;        // the text offset of the last element start (transcoded)
  std::uint64_t idoc_text_begin_ = 0;  // the text offset of the IDOC being read
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
  if (file == nullptr) return sdk::Status::IoError("cannot read " + path + ": " + std::strerror(errno));
  sdk::Result<IdocHead> head = ReadIdocHead(file.get(), path, chunk_bytes);
  if (!head.ok()) return head.status();
  if (start.offset != 0 && start.offset < head->content_begin) {
    return sdk::Status::InvalidArgument(path + ": offset " + std::to_string(start.offset) +
                                        " lies inside the root's start tag");
  }
  chunk_bytes = std::max<std::size_t>(chunk_bytes, 1);
  sdk::Result<IdocTextStream> stream = IdocTextStream::Open(file.get(), path, head->converter, chunk_bytes);
  if (!stream.ok()) return stream.status();
  auto impl = std::make_unique<Impl>(std::move(file), path, std::move(head).value(), std::move(stream).value(), start,
                                     chunk_bytes);
  return std::unique_ptr<IdocSplitter>(new IdocSplitter(std::move(impl)));
}

sdk::Result<std::optional<IdocSpan>> IdocSplitter::Next() { return impl_->Next(); }
const std::string& IdocSplitter::root_name() const { return impl_->head().root_name; }
const std::string& IdocSplitter::encoding() const { return impl_->head().encoding; }
const std::string& IdocSplitter::converter() const { return impl_->head().converter; }

}  // namespace hub::supply_chain
