// Helpers of the webhook tests: events, a sender on a server, the signature computed independently.
#ifndef HUB_TESTS_CONNECTORS_WEBHOOK_WEBHOOK_TEST_SUPPORT_HPP_
#define HUB_TESTS_CONNECTORS_WEBHOOK_WEBHOOK_TEST_SUPPORT_HPP_

#include <string>

#include "hub/sdk/record.hpp"

namespace hub::webhook::test {

// An event "party.updated" of party `id`, with event id "evt-<id>" and payload {"name":"<id> Co"}.
sdk::OutboundEvent PartyEvent(const std::string& id);

// "sha256=" and the hex HMAC-SHA256 of `body` under `secret`, computed here with OpenSSL's EVP_MAC (not the
// connector's code).
std::string ExpectedSignature(const std::string& secret, const std::string& body);

}  // namespace hub::webhook::test

#endif  // HUB_TESTS_CONNECTORS_WEBHOOK_WEBHOOK_TEST_SUPPORT_HPP_
