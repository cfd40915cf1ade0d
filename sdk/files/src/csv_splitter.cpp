#include "hub/files/csv_splitter.hpp"

namespace hub::files {

void CsvSplitter::Reset() {
  state_ = State::kFieldStart;
  fields_.clear();
  ends_.clear();
}

bool CsvSplitter::AddLine(std::string_view text, std::string_view line_break) {
  std::size_t at = 0;
  while (at < text.size()) at = Step(text, at);
  if (state_ == State::kQuoted) {
    fields_.append(line_break);
    return false;
  }
  EndField();
  state_ = State::kFieldStart;
  return true;
}

// Consumes text from `at` in the current state; returns where to go on. Runs of ordinary characters are
// copied in one piece.
std::size_t CsvSplitter::Step(std::string_view text, std::size_t at) {
  switch (state_) {
    case State::kFieldStart:
      state_ = dialect_.quote && text[at] == *dialect_.quote ? State::kQuoted : State::kUnquoted;
      return state_ == State::kQuoted ? at + 1 : at;
    case State::kUnquoted: {
      const std::size_t stop = text.find(dialect_.delimiter, at);
      fields_.append(text.substr(at, stop == std::string_view::npos ? std::string_view::npos : stop - at));
      if (stop == std::string_view::npos) return text.size();
      EndField();
      state_ = State::kFieldStart;
      return stop + 1;
    }
    case State::kQuoted: {
      const std::size_t stop = text.find(*dialect_.quote, at);
      fields_.append(text.substr(at, stop == std::string_view::npos ? std::string_view::npos : stop - at));
      if (stop == std::string_view::npos) return text.size();
      state_ = State::kQuoteInQuoted;
      return stop + 1;
    }
    case State::kQuoteInQuoted:
      if (text[at] == *dialect_.quote) {
        fields_.push_back(*dialect_.quote);
        state_ = State::kQuoted;
        return at + 1;
      }
      if (text[at] == dialect_.delimiter) {
        EndField();
        state_ = State::kFieldStart;
        return at + 1;
      }
      state_ = State::kUnquoted;
      return at;
  }
  return text.size();
}

}  // namespace hub::files
