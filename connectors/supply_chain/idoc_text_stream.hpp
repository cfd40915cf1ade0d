// The text of an IDoc-XML file as the splitter feeds it to expat, chunk by chunk: the file's bytes as they
// are, or transcoded to UTF-8 with files::TextDecoder (GBK, GB18030); and where in the file a place of that
// text lies, for the offsets of cursors.
#ifndef HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_TEXT_STREAM_HPP_
#define HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_TEXT_STREAM_HPP_

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "hub/files/text_decoder.hpp"
#include "hub/sdk/status.hpp"

namespace hub::supply_chain {

// Reads up to `size` bytes of the open `file` (named `path` in messages) at `offset`; fewer only at its end.
// IoError when it cannot be read.
sdk::Result<std::size_t> ReadFileAt(std::FILE* file, const std::string& path, std::uint64_t offset, char* buffer,
                                    std::size_t size);

// Reads one open file (which outlives the stream) from a position on. Transcoded text is placed in the file
// by its '<' characters: in the encodings transcoded here (ASCII-compatible, like every encoding an XML
// declaration can name in ASCII) a '<' byte is always the character '<', never part of another, so the n-th
// '<' of the text is the n-th '<' of the bytes. The stream keeps the pairs it has handed out and not been
// told to Forget, and so the transcoded text too (Text). Memory: one chunk, the text not forgotten, and those
// pairs. Not thread-safe.
class IdocTextStream {
 public:
  // `converter` names the TextDecoder encoding to transcode from; "" hands out the bytes as they are.
  // InvalidArgument when the decoder cannot be made.
  static sdk::Result<IdocTextStream> Open(std::FILE* file, std::string path, const std::string& converter,
                                          std::size_t chunk_bytes);

  // Goes on at `file_offset` (0, or a place between two characters outside any '<'), at line `line`; the
  // text handed out from there counts its offsets from `text_offset`.
  void Seek(std::uint64_t file_offset, std::uint64_t text_offset, std::uint64_t line);

  // The next chunk of text, valid until the next call; empty once the file ends. When bytes are not text in
  // the encoding, the text before them comes first, then DataError "byte N (line L): <reason>" (N from the
  // file's start), and again at every call until Seek. IoError when the file cannot be read.
  sdk::Result<std::string_view> Next();

  // Where the text at `text_offset` lies in the file: exactly when the text is read as it is, or at a '<'
  // of transcoded text; elsewhere in transcoded text, the place of the last '<' before it (or of the Seek).
  std::uint64_t FileOffset(std::uint64_t text_offset) const;

  // The transcoded text between two text offsets, handed out and not forgotten; empty when it is not kept
  // (and always for a file read as it is). Valid until the next call of Next or Forget.
  std::string_view Text(std::uint64_t begin, std::uint64_t end) const;

  // The text before `text_offset` will not be placed nor asked for again: its pairs and text are dropped.
  void Forget(std::uint64_t text_offset);

  bool transcoded() const { return decoder_ != nullptr; }

 private:
  IdocTextStream(std::FILE* file, std::string path, std::unique_ptr<files::TextDecoder> decoder,
                 std::size_t chunk_bytes);

  sdk::Result<std::size_t> ReadAt(std::uint64_t offset, char* buffer, std::size_t size) const {
    return ReadFileAt(file_, path_, offset, buffer, size);
  }
  sdk::Result<std::string_view> NextTranscoded();
  sdk::Status Place(std::string_view text, std::string_view bytes, std::uint64_t at);
  sdk::Status FaultStatus(const files::DecodeFault& fault) const;

  std::FILE* file_;
  std::string path_;
  std::unique_ptr<files::TextDecoder> decoder_;  // null: bytes as they are
  std::vector<char> chunk_;
  std::string retained_;  // transcoded: the text not forgotten, up to text_end_
  std::uint64_t read_at_ = 0;
  std::uint64_t file_base_ = 0;  // the Seek's offsets and line
  std::uint64_t text_base_ = 0;
  std::uint64_t line_base_ = 1;
  std::uint64_t text_end_ = 0;  // the text offset after the text handed out
  sdk::Status fault_;           // a fault to report at the next call, the text before it handed out
  // Transcoded: (text offset, file offset) of each '<' handed out and not forgotten, from `placed_begin_`.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> placed_;
  std::size_t placed_begin_ = 0;
};

}  // namespace hub::supply_chain

#endif  // HUB_CONNECTORS_SUPPLY_CHAIN_IDOC_TEXT_STREAM_HPP_
