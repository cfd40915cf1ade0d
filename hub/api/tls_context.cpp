#include "api/tls_context.hpp"

#include <string>

#include <openssl/ssl.h>

namespace hub::api {
namespace ssl = boost::asio::ssl;

sdk::Result<std::shared_ptr<ssl::context>> MakeServerTlsContext(const config::TlsConfig& config) {
  auto context = std::make_shared<ssl::context>(ssl::context::tls_server);
  context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 | ssl::context::no_sslv3 |
                       ssl::context::no_tlsv1 | ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
  if (SSL_CTX_set_min_proto_version(context->native_handle(), TLS1_2_VERSION) != 1) {
    return sdk::Status::Internal("cannot require TLS 1.2 or later");
  }
  boost::system::error_code ec;
  context->use_certificate_chain_file(config.certificate_chain.string(), ec);
  if (ec) {
    return sdk::Status::IoError("cannot load TLS certificate chain " + config.certificate_chain.string() + ": " +
                                ec.message());
  }
  context->use_private_key_file(config.private_key.string(), ssl::context::pem, ec);
  if (ec) {
    return sdk::Status::IoError("cannot load TLS private key " + config.private_key.string() + ": " + ec.message());
  }
  if (SSL_CTX_check_private_key(context->native_handle()) != 1) {
    return sdk::Status::IoError("TLS private key " + config.private_key.string() + " does not match the certificate " +
                                config.certificate_chain.string());
  }
  return context;
}

}  // namespace hub::api
