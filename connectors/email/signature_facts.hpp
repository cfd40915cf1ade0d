// What a mail signature tells about its sender: a phone number and the company's name.
#ifndef HUB_EMAIL_SIGNATURE_FACTS_HPP_
#define HUB_EMAIL_SIGNATURE_FACTS_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// The first phone number written in `lines` (a signature's), as written ("+86 138 0013 8000", "(010)
// 6552-8899", "0755-8888 6666", "+49 89 1234567", "13800138000"), on a line that is not a fax line (传真,
// Fax): a run of digits with the separators space, '-', '.', '(' and ')' and an optional leading '+' (a
// full-width ＋ or digits count too), of 7 to 15 digits, that is international (a leading + or 00), a
// Chinese number with its trunk 0 (at least 10 digits), a Chinese mobile number (11 digits from 13 to
// 19) or one after 86. Dates, postal codes and other numbers are none of these. Empty when there is none.
// The store normalizes it to E.164. Pure function, thread-safe.
std::string FindPhoneNumber(const std::vector<std::string>& lines);

// The first line of `lines` that names a company: it holds a company form — 有限公司, 股份公司, 集团,
// 公司, 事务所, 研究院, or as a word Co., Ltd, Limited, Inc, LLC, GmbH, AG, Corp, Corporation, PLC, S.A.,
// S.p.A., B.V., Pty — and is no address, e-mail or web line; a "Company:"/"公司：" label is taken off.
// Empty when there is none. Pure function, thread-safe.
std::string FindCompanyName(const std::vector<std::string>& lines);

}  // namespace hub::email

#endif  // HUB_EMAIL_SIGNATURE_FACTS_HPP_
