#include "support/test_certificate.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <system_error>
#include <utility>

#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace hub::test {
namespace {

struct OpenSslFree {
  void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
  void operator()(X509* certificate) const { X509_free(certificate); }
  void operator()(X509_EXTENSION* extension) const { X509_EXTENSION_free(extension); }
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};
template <class T>
using OpenSslPtr = std::unique_ptr<T, OpenSslFree>;

constexpr long kOneHour = 60L * 60;
constexpr long kThirtyDays = 30L * 24 * kOneHour;

sdk::Status SetIdentity(X509* certificate, EVP_PKEY* key) {
  std::uint64_t serial = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&serial), sizeof serial) != 1) {
    return sdk::Status::Internal("RAND_bytes failed");
  }
  X509_NAME* name = X509_get_subject_name(certificate);
  const auto* common_name = reinterpret_cast<const unsigned char*>("localhost");
  bool ok = X509_set_version(certificate, 2) == 1 &&
            ASN1_INTEGER_set_uint64(X509_get_serialNumber(certificate), serial >> 1) == 1 &&
            X509_gmtime_adj(X509_getm_notBefore(certificate), -kOneHour) != nullptr &&
            X509_gmtime_adj(X509_getm_notAfter(certificate), kThirtyDays) != nullptr &&
            X509_set_pubkey(certificate, key) == 1 &&
            X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, common_name, -1, -1, 0) == 1 &&
            X509_set_issuer_name(certificate, name) == 1;
  return ok ? sdk::Status::Ok() : sdk::Status::Internal("cannot fill in the test certificate");
}

sdk::Status AddExtensions(X509* certificate) {
  X509V3_CTX context;
  X509V3_set_ctx_nodb(&context);
  X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
  const std::pair<int, const char*> extensions[] = {
      {NID_basic_constraints, "critical,CA:TRUE"},
      {NID_key_usage, "critical,digitalSignature,keyCertSign"},
      {NID_subject_key_identifier, "hash"},
      {NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1"},
  };
  for (const auto& [nid, value] : extensions) {
    OpenSslPtr<X509_EXTENSION> extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value));
    if (!extension || X509_add_ext(certificate, extension.get(), -1) != 1) {
      return sdk::Status::Internal(std::string("cannot add the certificate extension ") + OBJ_nid2sn(nid));
    }
  }
  return sdk::Status::Ok();
}

template <class Write>
sdk::Status WritePem(const std::filesystem::path& path, Write write) {
  OpenSslPtr<BIO> file(BIO_new_file(path.c_str(), "w"));
  if (!file || write(file.get()) != 1) return sdk::Status::IoError("cannot write " + path.string());
  return sdk::Status::Ok();
}

}  // namespace

sdk::Result<CertificateFiles> WriteSelfSignedCertificate(const std::filesystem::path& folder) {
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return sdk::Status::IoError("cannot create " + folder.string() + ": " + ec.message());
  OpenSslPtr<EVP_PKEY> key(EVP_EC_gen("P-256"));
  OpenSslPtr<X509> certificate(X509_new());
  if (!key || !certificate) return sdk::Status::Internal("cannot make an EC P-256 key");
  HUB_RETURN_IF_ERROR(SetIdentity(certificate.get(), key.get()));
  HUB_RETURN_IF_ERROR(AddExtensions(certificate.get()));
  if (X509_sign(certificate.get(), key.get(), EVP_sha256()) == 0) {
    return sdk::Status::Internal("cannot sign the test certificate");
  }
  CertificateFiles files{folder / "certificate.pem", folder / "private_key.pem"};
  HUB_RETURN_IF_ERROR(
      WritePem(files.certificate, [&](BIO* bio) { return PEM_write_bio_X509(bio, certificate.get()); }));
  HUB_RETURN_IF_ERROR(WritePem(files.private_key, [&](BIO* bio) {
    return PEM_write_bio_PrivateKey(bio, key.get(), nullptr, nullptr, 0, nullptr, nullptr);
  }));
  return files;
}

}  // namespace hub::test
