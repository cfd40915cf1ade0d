#include "store/schema/sql_script.hpp"

namespace hub::schema {
namespace {

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const std::size_t first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// The end (one past the closing quote) of the quoted text starting at `start`; a doubled quote inside
// stands for itself. npos when it is not closed.
std::size_t SkipQuoted(std::string_view script, std::size_t start) {
  const char quote = script[start];
  std::size_t at = start + 1;
  while (true) {
    at = script.find(quote, at);
    if (at == std::string_view::npos) return at;
    if (at + 1 < script.size() && script[at + 1] == quote) {
      at += 2;
      continue;
    }
    return at + 1;
  }
}

class Splitter {
 public:
  explicit Splitter(std::string_view script) : script_(script) {}

  sdk::Result<std::vector<std::string>> Run() {
    while (at_ < script_.size()) {
      const char c = script_[at_];
      if (c == '\'' || c == '"') {
        HUB_RETURN_IF_ERROR(CopyQuoted());
      } else if (script_.substr(at_, 2) == "--") {
        const std::size_t end = script_.find('\n', at_);
        at_ = end == std::string_view::npos ? script_.size() : end;
      } else if (script_.substr(at_, 2) == "/*") {
        const std::size_t end = script_.find("*/", at_ + 2);
        if (end == std::string_view::npos) return Unterminated("block comment");
        current_ += ' ';
        at_ = end + 2;
      } else if (c == ';') {
        EndStatement();
        ++at_;
      } else {
        current_ += c;
        ++at_;
      }
    }
    EndStatement();
    return std::move(statements_);
  }

 private:
  sdk::Status CopyQuoted() {
    const std::size_t end = SkipQuoted(script_, at_);
    if (end == std::string_view::npos) {
      return Unterminated(script_[at_] == '\'' ? "string literal" : "quoted identifier");
    }
    current_.append(script_.substr(at_, end - at_));
    at_ = end;
    return sdk::Status::Ok();
  }

  sdk::Status Unterminated(std::string_view what) const {
    return sdk::Status::InvalidArgument("unterminated " + std::string(what) +
                                        " at: " + std::string(Trim(script_.substr(at_, 40))));
  }

  void EndStatement() {
    const std::string_view statement = Trim(current_);
    if (!statement.empty()) statements_.emplace_back(statement);
    current_.clear();
  }

  std::string_view script_;
  std::size_t at_ = 0;
  std::string current_;
  std::vector<std::string> statements_;
};

}  // namespace

sdk::Result<std::vector<std::string>> SplitStatements(std::string_view script) { return Splitter(script).Run(); }

}  // namespace hub::schema
