#include "mime_bench_messages.hpp"

#include <glib.h>

namespace hub::bench {
namespace {

std::string Base64Lines(const std::string& bytes) {
  char* encoded = g_base64_encode(reinterpret_cast<const guchar*>(bytes.data()), bytes.size());
  std::string text(encoded);
  g_free(encoded);
  std::string lines;
  for (std::size_t at = 0; at < text.size(); at += 76) lines += text.substr(at, 76) + "\n";
  return lines;
}

std::string Repeated(const std::string& piece, std::size_t times) {
  std::string text;
  for (std::size_t i = 0; i < times; ++i) text += piece;
  return text;
}

std::string Envelope(std::size_t n, const std::string& subject, const std::string& content_headers) {
  return "From: Li Na <li.na@example.cn>\nTo: sales@example.com, Wang <wang@example.cn>\n"
         "Date: Tue, 03 Nov 2026 09:30:00 +0800\nSubject: " +
         subject + "\nMessage-ID: <bench-" + std::to_string(n) + "@example.cn>\nMIME-Version: 1.0\n" + content_headers +
         "\n";
}

}  // namespace

std::string MimeBenchMessage(std::size_t n) {
  static const std::string kQpLine = "Please quote 200 units of =E5=9E=8B=E5=8F=B7 A-100, delivery to Shanghai.=\n\n";
  static const std::string kGbkLine = "\xC4\xFA\xBA\xC3\xA3\xAC\xC7\xEB\xB1\xA8\xBC\xDB\xA1\xA3\n";  // 您好，请报价。
  static const std::string kHtml =
      "<html><body>" + Repeated("<p>Please quote <b>200</b> units.</p>\n", 60) + "</body></html>";
  static const std::string kPdf = Base64Lines(Repeated(std::string("%PDF-1.4 \x01\x02\xFE\xFF", 14), 2341));
  switch (n % 4) {
    case 0:
      return Envelope(n, "Plain",
                      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n") +
             Repeated(kQpLine, 20);
    case 1:
      return Envelope(n, "Alternative", "Content-Type: multipart/alternative; boundary=\"a\"\n") +
             "--a\nContent-Type: text/plain; charset=utf-8\n\nPlease quote 200 units.\n--a\n"
             "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n" +
             Base64Lines(kHtml) + "--a--\n";
    case 2:
      return Envelope(n, "Attachment", "Content-Type: multipart/mixed; boundary=\"m\"\n") +
             "--m\nContent-Type: text/plain; charset=gbk\n\n" + Repeated(kGbkLine, 20) +
             "--m\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=\"spec.pdf\"\n"
             "Content-Transfer-Encoding: base64\n\n" +
             kPdf + "--m--\n";
    default:
      return Envelope(n, "=?gb2312?B?sai82rWl?=", "Content-Type: text/html\n") +
             "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>" +
             Repeated("<p>" + kGbkLine + "</p>", 30) + "</body></html>\n";
  }
}

}  // namespace hub::bench
