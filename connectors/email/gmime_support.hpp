// What the MIME parser needs of GMime beyond its API: initialization once, the parser options every parse
// and header decode shares, ownership of GObjects, and a part's bytes. Private to hub_email_reader.
#ifndef HUB_EMAIL_GMIME_SUPPORT_HPP_
#define HUB_EMAIL_GMIME_SUPPORT_HPP_

#include <gmime/gmime.h>

#include <memory>
#include <string>
#include <string_view>

namespace hub::email {

// Releases a GObject's reference.
struct GObjectUnref {
  void operator()(void* object) const {
    if (object != nullptr) g_object_unref(object);
  }
};
// Owns one reference to a GObject.
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

// Initializes GMime (once per process; thread-safe) and answers the options every parse uses: loose RFC
// 2047 and RFC 2822 (broken mail is read, not refused), and for raw 8-bit header text, which declares no
// charset, UTF-8 when valid, else GB18030 (email/mime_charset.hpp's rule). Lives for the process.
GMimeParserOptions* SharedParserOptions();

// The bytes `wrapper` holds with their transfer encoding (base64, quoted-printable, uuencode) undone.
std::string DecodedBytes(GMimeDataWrapper* wrapper);
// The bytes of `object` as written in the message (headers and body), for a forwarded message.
std::string WrittenBytes(GMimeObject* object);

// Owns a string GMime allocated (g_free); empty for null.
std::string TakeGString(char* text);

}  // namespace hub::email

#endif  // HUB_EMAIL_GMIME_SUPPORT_HPP_
