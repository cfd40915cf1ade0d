// The ASCII case folding and trimming that header names, charset labels and HTML tags need (all ASCII by
// their grammar; other bytes pass through unchanged). Private to the email connector.
#ifndef HUB_EMAIL_ASCII_TEXT_HPP_
#define HUB_EMAIL_ASCII_TEXT_HPP_

#include <string>
#include <string_view>

namespace hub::email {

// `text` with A-Z as a-z. Pure function.
std::string AsciiLower(std::string_view text);

// `text` without the characters of `around` at either end; a view into `text`. Pure function.
std::string_view TrimmedOf(std::string_view text, std::string_view around);

}  // namespace hub::email

#endif  // HUB_EMAIL_ASCII_TEXT_HPP_
