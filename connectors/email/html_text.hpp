// HTML mail bodies as plain text, roughly: what a reader of the text needs, not a renderer.
#ifndef HUB_EMAIL_HTML_TEXT_HPP_
#define HUB_EMAIL_HTML_TEXT_HPP_

#include <string>
#include <string_view>

namespace hub::email {

// The charset an HTML document declares in its first 4096 bytes, in <meta charset="..."> or
// <meta http-equiv="Content-Type" content="text/html; charset=...">; empty when none. Pure function.
std::string HtmlMetaCharset(std::string_view html);

// `html` (UTF-8) as plain text: tags dropped, the content of <script>, <style>, <head>'s <title> and
// comments dropped, line breaks for <br> and the ends of blocks (p, div, tr, li, headings, ...), runs of
// white space collapsed as a browser does, character references (&amp; &nbsp; &#20013; &#x4E2D; ...)
// resolved, at most one blank line in a row, no white space at the ends. Pure function.
std::string HtmlToText(std::string_view html);

}  // namespace hub::email

#endif  // HUB_EMAIL_HTML_TEXT_HPP_
