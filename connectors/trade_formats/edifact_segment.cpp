#include "trade_formats/edifact_segment.hpp"

namespace hub::trade_formats {

std::size_t EdifactSegment::PieceEnd(std::size_t element) const {
  return element + 1 < element_starts_.size() ? element_starts_[element + 1] : pieces_.size();
}

std::string_view EdifactSegment::Get(std::size_t element, std::size_t component, std::size_t occurrence) const {
  if (element >= element_starts_.size()) return {};
  for (std::size_t p = element_starts_[element], end = PieceEnd(element); p < end; ++p) {
    const Piece& piece = pieces_[p];
    if (piece.occurrence == occurrence && piece.component == component) {
      return std::string_view(text_.data() + piece.begin, piece.size);
    }
  }
  return {};
}

std::size_t EdifactSegment::occurrence_count(std::size_t element) const {
  if (element >= element_starts_.size()) return 0;
  return pieces_[PieceEnd(element) - 1].occurrence + 1;
}

std::size_t EdifactSegment::component_count(std::size_t element, std::size_t occurrence) const {
  if (element >= element_starts_.size()) return 0;
  std::size_t count = 0;
  for (std::size_t p = element_starts_[element], end = PieceEnd(element); p < end; ++p) {
    if (pieces_[p].occurrence == occurrence) ++count;
  }
  return count;
}

void EdifactSegment::Clear() {
  tag.clear();
  error.clear();
  text_.clear();
  pieces_.clear();
  element_starts_.clear();
}

void EdifactSegment::BeginElement() {
  element_starts_.push_back(static_cast<std::uint32_t>(pieces_.size()));
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, 0, 0});
}

void EdifactSegment::BeginOccurrence() {
  const Piece& last = pieces_.back();
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, last.occurrence + 1, 0});
}

void EdifactSegment::BeginComponent() {
  const Piece& last = pieces_.back();
  pieces_.push_back(Piece{static_cast<std::uint32_t>(text_.size()), 0, last.occurrence, last.component + 1});
}

std::string SegmentPosition(std::string_view source_name, const EdifactSegment& segment) {
  std::string position(source_name);
  position += ":segment ";
  position += std::to_string(segment.index);
  position += " byte ";
  position += std::to_string(segment.byte_offset);
  return position;
}

}  // namespace hub::trade_formats
