#include "email/gmime_support.hpp"

#include <mutex>

namespace hub::email {
namespace {

std::string StreamBytes(GMimeStream* stream) {
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  return std::string(reinterpret_cast<const char*>(array->data), array->len);
}

}  // namespace

GMimeParserOptions* SharedParserOptions() {
  static std::once_flag once;
  static GMimeParserOptions* options = nullptr;
  std::call_once(once, [] {
    g_mime_init();
    options = g_mime_parser_options_new();
    g_mime_parser_options_set_rfc2047_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    g_mime_parser_options_set_address_compliance_mode(options, GMIME_RFC_COMPLIANCE_LOOSE);
    const char* fallback[] = {"UTF-8", "GB18030", nullptr};
    g_mime_parser_options_set_fallback_charsets(options, fallback);
  });
  return options;
}

std::string DecodedBytes(GMimeDataWrapper* wrapper) {
  if (wrapper == nullptr) return "";
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(wrapper, stream.get());
  return StreamBytes(stream.get());
}

std::string WrittenBytes(GMimeObject* object) {
  if (object == nullptr) return "";
  GObjectPtr<GMimeStream> stream(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(object, nullptr, stream.get());
  return StreamBytes(stream.get());
}

std::string TakeGString(char* text) {
  if (text == nullptr) return "";
  std::string taken(text);
  g_free(text);
  return taken;
}

}  // namespace hub::email
