#include "hub/files/document_reader.hpp"

#include <algorithm>
#include <utility>

namespace hub::files {

sdk::Result<DocumentRead> ReadWholeFile(const InputFile& file, const DocumentCursor& at, std::size_t max_records,
                                        std::string_view tag, std::string_view format, std::uint64_t max_file_bytes,
                                        const WholeFileParser& parse) {
  if (file.size() > max_file_bytes) {
    return sdk::Status::DataError("the file has " + std::to_string(file.size()) + " bytes, more than max_file_bytes (" +
                                  std::to_string(max_file_bytes) + ") for a " + std::string(format) +
                                  " file, which is read whole");
  }
  std::string bytes;
  HUB_RETURN_IF_ERROR(file.ReadAt(0, static_cast<std::size_t>(file.size()), &bytes));
  WholeFileParse parsed = parse(bytes, at.file_name);
  DocumentCursor next{at.file_name, DocumentFingerprint(bytes, file.size()), file.size(), 1, 0, at.skip, false};
  if (at.skip >= parsed.records.size()) {
    if (!parsed.fault.ok()) return parsed.fault;
    next.done = true;
    return DocumentRead{{}, next, true};
  }
  DocumentRead read;
  const std::size_t end = std::min(parsed.records.size(), static_cast<std::size_t>(at.skip) + max_records);
  for (std::size_t i = static_cast<std::size_t>(at.skip); i < end; ++i) {
    next.skip = i + 1;
    next.done = next.skip == parsed.records.size() && parsed.fault.ok();
    parsed.records[i].cursor = EncodeDocumentCursor(next, tag);
    read.records.push_back(std::move(parsed.records[i]));
  }
  read.next = next;
  read.at_end = next.done;
  return read;
}

ErrorNote WholeFileNote(const DocumentCursor& at, const sdk::Status& fault, std::string_view format) {
  return ErrorNote{std::string(format) + ": " + fault.message(),
                   at.file_name + " after record " + std::to_string(at.skip) + " (the records before it were stored)",
                   at.skip};
}

}  // namespace hub::files
