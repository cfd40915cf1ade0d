// IMAP server responses (RFC 3501 section 7) as their bytes arrive: whole responses cut out of the byte
// stream of a connection, each literal taken by the length it announces (so nothing a message holds can be
// mistaken for protocol), and the values of one response read in order.
#ifndef HUB_EMAIL_IMAP_RESPONSE_HPP_
#define HUB_EMAIL_IMAP_RESPONSE_HPP_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// One server response ("* 3 FETCH (...)", "h7 OK done", "+ go on"): `text` is its lines joined with the
// CRLF that ends each removed and every literal's bytes taken out (the "{N}" announcing a literal stays in
// the text where its value stands); `literals` holds the literals' bytes in the order they came.
struct ImapResponse {
  std::string text;
  std::vector<std::string> literals;
};

// Cuts responses out of the bytes a connection receives: Feed it what arrives, take what is complete with
// Next. A response is complete at the first line end not announced as the start of a literal. Not
// thread-safe: one reader per connection, used by its owner.
class ImapResponseReader {
 public:
  void Feed(std::string_view bytes);
  // The next complete response, or nothing until more bytes are fed.
  std::optional<ImapResponse> Next();

 private:
  std::string buffer_;
  std::size_t position_ = 0;                 // where the unread part of buffer_ starts
  ImapResponse partial_;                     // the response being assembled
  std::optional<std::size_t> literal_size_;  // set while partial_ waits for a literal of that many bytes
};

// The values of one response in order: atoms (numbers and flags included), strings (quoted, with their
// escapes undone, or literals), NIL, and the parentheses of lists. Reads the response it was given, which
// must outlive it. Not thread-safe.
class ImapScanner {
 public:
  enum class Kind { kAtom, kString, kNil, kOpen, kClose, kEnd };
  struct Token {
    Kind kind = Kind::kEnd;
    std::string value;  // an atom's text or a string's value
  };

  explicit ImapScanner(const ImapResponse& response) : response_(response) {}

  // The next value; kEnd at the end of the text, or at anything that is not a value.
  Token Next();
  // Skips one whole value (a list with everything inside it); false at kEnd.
  bool SkipValue();

 private:
  Token Quoted();
  Token Literal();
  const ImapResponse& response_;
  std::size_t position_ = 0;
  std::size_t next_literal_ = 0;
};

}  // namespace hub::email

#endif  // HUB_EMAIL_IMAP_RESPONSE_HPP_
