#include "hub/files/encoding.hpp"

#include <unicode/ucnv.h>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <optional>
#include <string>

#include "hub/files/text_decoder.hpp"
#include "hub/files/utf8.hpp"

namespace hub::files {
namespace {

constexpr std::size_t kSniffChunkBytes = std::size_t{64} << 10;
constexpr std::uint64_t kSniffBytesPastNonAscii = std::uint64_t{64} << 10;
constexpr std::size_t kSignatureBytes = 4;
constexpr std::size_t kUtf16SniffBytes = 4096;
// An auto-detection that has seen only ASCII so far, in a cursor: "auto+<offset it looked up to>".
constexpr std::string_view kUndecided = "auto+";

// The encoding a byte-order mark at the start of `head` announces, with its length; empty name when none.
ResolvedEncoding DetectSignature(std::string_view head) {
  // ICU does not report GB18030's mark (U+FEFF encoded as 84 31 95 33).
  constexpr std::string_view kGb18030Mark = "\x84\x31\x95\x33";
  if (head.substr(0, kGb18030Mark.size()) == kGb18030Mark) return {.name = "GB18030", .bom_bytes = kGb18030Mark.size()};
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  const char* name = ucnv_detectUnicodeSignature(head.data(), static_cast<int32_t>(head.size()), &length, &status);
  if (U_FAILURE(status) || name == nullptr) return {};
  sdk::Result<std::string> canonical = CanonicalEncodingName(name);
  if (!canonical.ok()) return {};
  static constexpr std::string_view kUsable[] = {"UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "GB18030"};
  if (std::find(std::begin(kUsable), std::end(kUsable), *canonical) == std::end(kUsable)) return {};
  return {.name = *canonical, .bom_bytes = static_cast<std::size_t>(length)};
}

// "UTF-16LE" or "UTF-16BE" when `head` looks like UTF-16 text without a byte-order mark: zero bytes in at
// least a quarter of the high-byte places and hardly any in the others, as ASCII characters in UTF-16 have.
// Empty otherwise (a stray NUL in 8-bit text does not look like this).
std::string LooksLikeUtf16(std::string_view head) {
  const std::size_t units = head.size() / 2;
  std::size_t zero_even = 0;
  std::size_t zero_odd = 0;
  for (std::size_t at = 0; at + 1 < head.size(); at += 2) {
    zero_even += head[at] == '\0' ? 1 : 0;
    zero_odd += head[at + 1] == '\0' ? 1 : 0;
  }
  if (units < 2) return {};
  if (zero_odd * 4 >= units && zero_even * 8 <= zero_odd) return "UTF-16LE";
  if (zero_even * 4 >= units && zero_odd * 8 <= zero_even) return "UTF-16BE";
  return {};
}

// The offset just past the last "\n" byte in [from, end), or `from` when there is none: where the complete
// lines of a file still being written end (in the ASCII-compatible encodings auto-detection chooses from).
sdk::Result<std::uint64_t> EndOfCompleteLines(const InputFile& file, std::uint64_t from, std::uint64_t end) {
  std::string chunk;
  while (end > from) {
    const std::uint64_t start = end - std::min<std::uint64_t>(end - from, kSniffChunkBytes);
    HUB_RETURN_IF_ERROR(file.ReadAt(start, static_cast<std::size_t>(end - start), &chunk));
    const std::size_t hit = chunk.rfind('\n');
    if (hit != std::string::npos) return start + hit + 1;
    end = start;
  }
  return from;
}

// The auto rule for a file without a byte-order mark over its bytes [from, end), those before `from` being
// ASCII: GB18030 as soon as they are not valid UTF-8; UTF-8 when they hold a non-ASCII byte and are valid
// until 64 KiB past it (or to `end`); undecided (UTF-8 for now) while they are all ASCII.
sdk::Result<ResolvedEncoding> SniffUtf8OrGb18030(const InputFile& file, std::uint64_t from, std::uint64_t end) {
  std::string chunk;
  std::string pending;  // a UTF-8 sequence cut by the end of the previous chunk
  std::uint64_t offset = from;
  bool seen_non_ascii = false;
  std::uint64_t past_non_ascii = 0;
  while (offset < end && (!seen_non_ascii || past_non_ascii < kSniffBytesPastNonAscii)) {
    HUB_RETURN_IF_ERROR(
        file.ReadAt(offset, static_cast<std::size_t>(std::min<std::uint64_t>(kSniffChunkBytes, end - offset)), &chunk));
    if (chunk.empty()) break;
    offset += chunk.size();
    const std::string data = pending + chunk;
    bool cut = false;
    const std::size_t valid = ValidUtf8Prefix(data, &cut);
    if (valid < data.size() && !cut) return ResolvedEncoding{"GB18030", 0, "GB18030"};
    pending = data.substr(valid);
    if (seen_non_ascii) {
      past_non_ascii += data.size();
      continue;
    }
    auto first = std::find_if(data.begin(), data.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    seen_non_ascii = first != data.end();
    past_non_ascii = static_cast<std::uint64_t>(data.end() - first);
  }
  if (!seen_non_ascii) return ResolvedEncoding{"UTF-8", 0, std::string(kUndecided) + std::to_string(end)};
  return ResolvedEncoding{"UTF-8", 0, "UTF-8"};
}

// Where an undecided detection stopped, from a cursor's "auto+<offset>"; nullopt for anything else.
std::optional<std::uint64_t> UndecidedFrom(std::string_view requested) {
  if (requested.substr(0, kUndecided.size()) != kUndecided) return std::nullopt;
  const std::string_view digits = requested.substr(kUndecided.size());
  std::uint64_t from = 0;
  const auto result = std::from_chars(digits.data(), digits.data() + digits.size(), from);
  if (result.ec != std::errc() || result.ptr != digits.data() + digits.size()) return std::nullopt;
  return from;
}

// A requested name: its own byte-order mark is skipped; UTF-16/UTF-32 without a byte order take it from the mark.
sdk::Result<ResolvedEncoding> ResolveNamed(std::string_view requested, std::string_view head) {
  sdk::Result<std::string> canonical = CanonicalEncodingName(requested);
  if (!canonical.ok()) return canonical.status();
  const ResolvedEncoding signature = DetectSignature(head);
  if (*canonical == "UTF-16" || *canonical == "UTF-32") {
    if (signature.name.rfind(*canonical, 0) == 0) return signature;
    return ResolvedEncoding{.name = *canonical + "BE"};
  }
  if (!signature.name.empty() && signature.name == *canonical) {
    return ResolvedEncoding{.name = std::string(requested), .bom_bytes = signature.bom_bytes};
  }
  return ResolvedEncoding{.name = std::string(requested)};
}

// The auto rule from the start of the file: a byte-order mark, a UTF-16 look, then the sniff.
sdk::Result<ResolvedEncoding> ResolveAuto(const InputFile& file, std::uint64_t end) {
  std::string head;
  HUB_RETURN_IF_ERROR(file.ReadAt(0, kSignatureBytes, &head));
  ResolvedEncoding signature = DetectSignature(head);
  if (!signature.name.empty()) return signature;
  HUB_RETURN_IF_ERROR(file.ReadAt(0, kUtf16SniffBytes, &head));
  if (const std::string utf16 = LooksLikeUtf16(head); !utf16.empty()) {
    std::string option = utf16 == "UTF-16LE" ? "utf-16le" : "utf-16be";
    return sdk::Status::DataError("looks like " + utf16 + " text without a byte-order mark (zero bytes between " +
                                  "its characters); set the encoding option to " + option);
  }
  return SniffUtf8OrGb18030(file, 0, end);
}

// Auto-detection from the start, or on from where an undecided one stopped. Only complete lines count as
// evidence: a character cut at the end of a file still being written could pass for UTF-8.
sdk::Result<ResolvedEncoding> Detect(std::uint64_t undecided_from, const InputFile& file, bool complete) {
  const std::uint64_t from = undecided_from <= file.size() ? undecided_from : 0;
  sdk::Result<std::uint64_t> end =
      complete ? sdk::Result<std::uint64_t>(file.size()) : EndOfCompleteLines(file, from, file.size());
  if (!end.ok()) return end.status();
  return from == 0 ? ResolveAuto(file, *end) : SniffUtf8OrGb18030(file, from, *end);
}

}  // namespace

sdk::Result<ResolvedEncoding> ResolveEncoding(std::string_view requested, const InputFile& file, bool complete) {
  const std::optional<std::uint64_t> undecided_from = UndecidedFrom(requested);
  sdk::Result<ResolvedEncoding> resolved = ResolvedEncoding{};
  if (requested == kAutoEncoding || undecided_from) {
    resolved = Detect(undecided_from.value_or(0), file, complete);
  } else {
    std::string head;
    HUB_RETURN_IF_ERROR(file.ReadAt(0, kSignatureBytes, &head));
    resolved = ResolveNamed(requested, head);
  }
  if (resolved.ok() && resolved->resume_as.empty()) resolved->resume_as = resolved->name;
  return resolved;
}

}  // namespace hub::files
