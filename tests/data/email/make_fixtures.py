#!/usr/bin/env python3
"""Writes the MIME fixtures of tests/connectors/email/ (one .eml a case; written for Hub, no third-party
text). Rerun after a change: python3 tests/data/email/make_fixtures.py; the tests pin the results."""
import base64
import re
import os
import quopri

HERE = os.path.dirname(os.path.abspath(__file__))
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + bytes(range(40))
PDF = b"%PDF-1.4\n% Hub test attachment\n" + bytes(range(256)) + b"\n%%EOF\n"


def b64(data):
    text = base64.b64encode(data).decode()
    return "\n".join(text[i:i + 76] for i in range(0, len(text), 76))


def qp(data):
    return quopri.encodestring(data).decode()


def word(text, charset, label=None, q=False):
    data = text.encode(charset)
    if q:
        return "=?%s?Q?%s?=" % (label or charset, "".join("=%02X" % b if b > 127 or chr(b) in "=?_ " else chr(b) for b in data))
    return "=?%s?B?%s?=" % (label or charset, base64.b64encode(data).decode())


def write(name, text, crlf=False, raw_tail=b""):
    data = text.encode("utf-8") + raw_tail  # 8-bit UTF-8 only where a part declares it
    if crlf:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    with open(os.path.join(HERE, name), "wb") as out:
        out.write(data)


def head(subject, extra=""):
    return ("From: Li Na <li.na@example.cn>\nTo: sales@example.com\nDate: Tue, 03 Nov 2026 09:30:00 +0800\n"
            "Subject: %s\nMessage-ID: <%s@mail.example.cn>\nMIME-Version: 1.0\n%s" % (subject, re.sub(r"\W", "", subject.split()[0].lower()), extra))


write("multipart_nested.eml", head("Nested parts",
      "In-Reply-To: <q-1@example.com>\nReferences: <q-0@example.com>\n <q-1@example.com>\n"
      "Content-Type: multipart/mixed; boundary=\"mixed\"\n") + """
This is a multi-part message in MIME format.

--mixed
Content-Type: multipart/alternative; boundary="alt"

--alt
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: quoted-printable

""" + qp("Please quote 200 units of 型号 A-100.\n".encode()) + """
--alt
Content-Type: multipart/related; boundary="rel"

--rel
Content-Type: text/html; charset=utf-8

<html><body><p>Please quote <b>200</b> units of 型号 A-100.</p><img src="cid:logo@example.cn"></body></html>
--rel
Content-Type: image/png
Content-ID: <logo@example.cn>
Content-Transfer-Encoding: base64

""" + b64(PNG) + """
--rel--

--alt--

--mixed
Content-Type: application/pdf; name="spec.pdf"
Content-Disposition: attachment; filename="spec.pdf"
Content-Transfer-Encoding: base64

""" + b64(PDF) + """
--mixed--
""", crlf=True)

write("quoted_printable.eml", head("QP body",
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n") + "\n" +
      "A line long enough that the quoted-printable encoder has to break it with a soft line break here =\n"
      "and goes on.\n=E4=B8=AD=E6=96=87 and =3D equals.\n")

write("base64_body.eml", head("Base64 body",
      "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n") + "\n" +
      b64("Base64 text: 你好，世界。\nSecond line.\n".encode()) + "\n")

write("encoded_words.eml",
      "From: " + word("张伟", "utf-8") + " <zhang.wei@example.cn>\n"
      "To: " + word("Müller", "iso-8859-1", q=True) + " <mueller@example.de>, " + word("王芳", "gb2312") + " <wang@example.cn>\n"
      "Cc: =?utf-8?Q?broken_word <cc@example.com>\n"
      "Date: Tue, 03 Nov 2026 09:30:00 +0800\n"
      "Subject: " + word("询价：", "utf-8") + "\n " + word("型号", "utf-8", q=True) + " A-100 =?utf-8?B?not-base64\n"
      "Message-ID: <encoded@mail.example.cn>\nMIME-Version: 1.0\nContent-Type: text/plain; charset=us-ascii\n\nPlain.\n")

write("gb2312.eml", head("GB2312",
      "Content-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: 8bit\n").replace(
      "Subject: GB2312", "Subject: GB2312 " + word("报价单 王䶮", "gb18030", "gb2312")) + "\n",
      raw_tail="您好，请报价。联系人：王䶮\n".encode("gb18030"))

write("gbk.eml", head("GBK", "Content-Type: text/plain; charset=GBK\nContent-Transfer-Encoding: base64\n").replace(
      "Subject: GBK", "Subject: GBK " + word("朱镕基", "gbk")) + "\n" + b64("总经理：朱镕基，电话 010-12345678\n".encode("gbk")) + "\n")

write("gb18030.eml", head("GB18030",
      "Content-Type: text/plain; charset=gb18030\nContent-Transfer-Encoding: quoted-printable\n").replace(
      "Subject: GB18030", "Subject: GB18030 " + word("䶮𠀀", "gb18030")) + "\n" +
      qp("四字节：䶮 𠀀 €\n".encode("gb18030")))

write("big5.eml", head("Big5", "Content-Type: text/plain; charset=big5\nContent-Transfer-Encoding: 8bit\n").replace(
      "Subject: Big5", "Subject: Big5 " + word("繁體報價", "big5")) + "\n", raw_tail="臺北市，請報價。\n".encode("big5"))

write("utf8.eml", head("UTF-8", "Content-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: 8bit\n").replace(
      "Subject: UTF-8", "Subject: UTF-8 " + word("你好 👋", "utf-8")) + "\n", raw_tail="你好 👋 café\n".encode())

write("html_meta_charset.eml", head("HTML meta", "Content-Type: text/html\nContent-Transfer-Encoding: 8bit\n") + "\n",
      raw_tail=('<html><head><meta http-equiv="Content-Type" content="text/html; charset=gbk"><title>不要</title>'
                '<style>p {color: red}</style></head><body><p>尊敬的客户：</p><p>价格&nbsp;&amp;&#32;交期&#x4E00;览<br>'
                '谢谢</p><!-- 注释 --></body></html>\n').encode("gbk"))

write("no_charset.eml", "From: li.na@example.cn\nTo: sales@example.com\nDate: Tue, 03 Nov 2026 09:30:00 +0800\n"
      "Message-ID: <nocharset@mail.example.cn>\nSubject: ", raw_tail="无编码声明\n\n".encode("gb18030") +
      "正文没有字符集：GB18030 字节\n".encode("gb18030"))

write("attachments.eml", head("Attachments", "Content-Type: multipart/mixed; boundary=\"b\"\n") + """
--b
Content-Type: text/plain; charset=utf-8

See the files.
--b
Content-Type: application/vnd.ms-excel
Content-Disposition: attachment;
 filename*=UTF-8''%E6%8A%A5%E4%BB%B7%E5%8D%95.xls
Content-Transfer-Encoding: base64

""" + b64(PDF[:100]) + """
--b
Content-Type: application/msword; name=\"""" + word("合同.doc", "gb2312") + """\"
Content-Disposition: attachment
Content-Transfer-Encoding: base64

""" + b64(b"contract") + """
--b
Content-Type: application/octet-stream
Content-Transfer-Encoding: base64

""" + b64(bytes(range(10))) + """
--b
Content-Type: image/jpeg
Content-ID: <photo@example.cn>
Content-Disposition: inline
Content-Transfer-Encoding: base64

""" + b64(b"\xff\xd8\xff\xe0jpeg") + """
--b
Content-Type: text/plain; charset=utf-8; name="notes.txt"
Content-Disposition: attachment; filename="notes.txt"

attached text, not the body
--b--
""")

INNER = ("From: " + word("客户", "gb2312") + " <buyer@customer.cn>\nTo: li.na@example.cn\n"
         "Date: Mon, 02 Nov 2026 08:00:00 +0000\nSubject: " + word("原始询价", "gb2312") + "\n"
         "Message-ID: <original@customer.cn>\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"inner\"\n\n"
         "--inner\nContent-Type: text/plain; charset=gb2312\nContent-Transfer-Encoding: base64\n\n" +
         b64("需要 50 台。\n".encode("gb2312")) + "\n--inner\nContent-Type: application/pdf; name=\"rfq.pdf\"\n"
         "Content-Disposition: attachment; filename=\"rfq.pdf\"\nContent-Transfer-Encoding: base64\n\n" + b64(PDF) +
         "\n--inner--\n")
write("forwarded.eml", head("Fwd: RFQ", "Content-Type: multipart/mixed; boundary=\"fwd\"\n") + """
--fwd
Content-Type: text/plain; charset=utf-8

Forwarding the customer's request.
--fwd
Content-Type: message/rfc822
Content-Disposition: inline

""" + INNER + """
--fwd--
""")

write("raw_8bit_headers.eml", "From: ", raw_tail="陳大文".encode("big5") + b" <chan@example.tw>\nTo: " +
      "臺北分公司".encode("big5") + b" <taipei@example.tw>\nSubject: " + "報價單".encode("big5") +
      b"\nDate: Tue, 03 Nov 2026 09:30:00 +0800\nMessage-ID: <raw8bit@example.tw>\n"
      b"Content-Type: text/plain; charset=big5\n\n" + "請報價。\n".encode("big5"))

write("no_message_id.eml", "From: Li Na <li.na@example.cn>\nTo: sales@example.com\n"
      "Date: Tue, 03 Nov 2026 09:30:00 +0800\nSubject: No id\n\nNo Message-ID here.\n")
