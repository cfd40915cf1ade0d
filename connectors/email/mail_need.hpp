// Whether a message asks for a quote or a product: keyword sets in Chinese and English.
#ifndef HUB_EMAIL_MAIL_NEED_HPP_
#define HUB_EMAIL_MAIL_NEED_HPP_

#include <string>
#include <string_view>
#include <vector>

namespace hub::email {

// The keywords shipped with the connector: 报价, 询价, 价格, 采购, 样品, 订购, 求购, 多少钱, 报价单, 目录,
// quote, quotation, RFQ, pricing, price list, prices, sample(s), purchase, order inquiry, catalog(ue),
// MOQ. Pure.
std::vector<std::string> DefaultNeedKeywords();

// The need a message states, given its subject and its own text (no quoted reply, no signature): the
// subject when it holds a keyword, else the first line of `body` that does, trimmed and cut to 200
// characters; empty when neither does. A keyword of ASCII letters matches without case and as whole words
// ("quote" not in "quoted"); any other matches as it is written, anywhere (Chinese has no spaces). Pure
// function, thread-safe.
std::string FindNeed(std::string_view subject, std::string_view body, const std::vector<std::string>& keywords);

}  // namespace hub::email

#endif  // HUB_EMAIL_MAIL_NEED_HPP_
