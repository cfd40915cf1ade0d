// A message's text taken apart the way a reader of it would: what the sender wrote, the signature under it,
// and the quoted reply below (dropped).
#ifndef HUB_EMAIL_MAIL_TEXT_HPP_
#define HUB_EMAIL_MAIL_TEXT_HPP_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// The parts of one message's text (UTF-8, "\n" line ends). Plain values.
struct MailTextParts {
  std::string body;                    // what the sender wrote: trimmed, runs of blank lines made one
  std::vector<std::string> signature;  // the signature's lines, trimmed, blank ones left out
  // How the signature was found: after a "-- " line or from a sign-off line (and then it is not in
  // `body`), or guessed as the text's last block (then `body` keeps it too, in case it was not one).
  bool signature_guessed = false;
};

// Splits `text`:
// - The quoted reply is cut off at its first marker line: "On … wrote:" / "…写道：", "-----Original
//   Message-----", "-----原始邮件-----" (and QQ Mail's "---- 原始邮件 ----"), a row of underscores
//   (Outlook), or a "From:"/"发件人：" line followed by "Sent:"/"Date:"/"To:"/"发送时间"/"日期"/"收件人".
//   Lines quoted with ">" are dropped wherever they are.
// - The signature is what follows the last "-- " (or "--") line; without one, what starts at a sign-off
//   line ("Best regards", "Regards", "Thanks", "此致", "祝好", "顺祝商祺", …) among the last 12 lines;
//   without one either, the last block (after the last blank line) when the text has another before it and
//   the block is at most 8 lines of at most 100 characters each (kept in the body as well).
// Pure function, thread-safe.
MailTextParts SplitMailText(std::string_view text);

// `text` cut to at most `max_chars` characters (code points, never inside one), with "…" at the end when
// it was cut. Pure.
std::string BoundedText(std::string_view text, std::size_t max_chars);

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_TEXT_HPP_
