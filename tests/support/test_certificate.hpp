// A throwaway self-signed TLS certificate for tests.
#ifndef HUB_TESTS_SUPPORT_TEST_CERTIFICATE_HPP_
#define HUB_TESTS_SUPPORT_TEST_CERTIFICATE_HPP_

#include <filesystem>

#include "hub/sdk/status.hpp"

namespace hub::test {

struct CertificateFiles {
  std::filesystem::path certificate;  // PEM; also the CA file a client trusts
  std::filesystem::path private_key;  // PEM, unencrypted
};

// Makes a fresh EC P-256 key and a self-signed certificate for CN=localhost with subjectAltName
// DNS:localhost and IP:127.0.0.1, valid from an hour ago for 30 days, and writes both as PEM into `folder`
// (created when missing) as certificate.pem and private_key.pem. Internal error naming the OpenSSL step that
// failed, IoError when a file cannot be written. Thread-safe.
sdk::Result<CertificateFiles> WriteSelfSignedCertificate(const std::filesystem::path& folder);

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_TEST_CERTIFICATE_HPP_
