// The server-side TLS context. Private to hub_api.
#ifndef HUB_API_TLS_CONTEXT_HPP_
#define HUB_API_TLS_CONTEXT_HPP_

#include <memory>

#include <boost/asio/ssl/context.hpp>

#include "config/hub_config.hpp"
#include "hub/sdk/status.hpp"

namespace hub::api {

// A TLS 1.2+ server context holding the PEM certificate chain and private key of `config`. IoError naming
// the file when one cannot be read or parsed, or when the key does not match the certificate.
sdk::Result<std::shared_ptr<boost::asio::ssl::context>> MakeServerTlsContext(const config::TlsConfig& config);

}  // namespace hub::api

#endif  // HUB_API_TLS_CONTEXT_HPP_
