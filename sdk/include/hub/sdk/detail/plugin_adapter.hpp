// The plugin side of the C ABI: turns an author's Connector subclass into a hub_plugin_api table.
// Every entry point is noexcept and converts exceptions into errors. Not part of the author-facing API.
#ifndef HUB_SDK_DETAIL_PLUGIN_ADAPTER_HPP_
#define HUB_SDK_DETAIL_PLUGIN_ADAPTER_HPP_

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <exception>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "hub/sdk/abi.h"
#include "hub/sdk/connector.hpp"
#include "hub/sdk/context.hpp"
#include "hub/sdk/detail/c_bridge.hpp"
#include "hub/sdk/version.hpp"

namespace hub::sdk::detail {

inline constexpr hub_abi_record kAbiRecord{sizeof(hub_abi_record), HUB_ABI_MAJOR, HUB_ABI_MINOR, HUB_SDK_VERSION};

// Context over the host's function table, which may be an older host's, shorter one (at least
// HUB_HOST_API_SIZE_V1_0 bytes): the members it lacks stay null, and what they serve does nothing.
class HostContext final : public Context {
 public:
  explicit HostContext(const hub_host_api& host) {
    std::memcpy(&host_, &host, std::min<std::size_t>(host.struct_size, sizeof(host_)));
  }
  bool LogEnabled(LogLevel level) const override {
    return host_.log_enabled(host_.host, static_cast<int32_t>(level)) != 0;
  }
  void Log(LogLevel level, std::string_view message) const override {
    host_.log(host_.host, static_cast<int32_t>(level), ToC(message));
  }
  std::int64_t NowUnixMs() const override { return host_.now_unix_ms(host_.host); }
  bool Cancelled() const override { return host_.is_cancelled(host_.host) != 0; }
  Result<std::string> ResolveSecret(std::string_view reference) const override {
    std::string value;
    hub_error error{};
    auto sink = [](void* target, hub_str text) { static_cast<std::string*>(target)->assign(FromC(text)); };
    int32_t code = host_.resolve_secret(host_.host, ToC(reference), sink, &value, &error);
    if (code != HUB_STATUS_OK) return ImportError(code, error);
    return value;
  }
  void Count(std::string_view counter, std::int64_t delta) const override {
    if (Covers(host_.struct_size, offsetof(hub_host_api, add_count), sizeof(host_.add_count)) &&
        host_.add_count != nullptr) {
      host_.add_count(host_.host, ToC(counter), delta);
    }
  }

 private:
  hub_host_api host_{};
};

// Everything one hub_connector handle owns: the context, the author's object, the last batch.
struct ConnectorBox {
  explicit ConnectorBox(const hub_host_api& host) : context(host) {}
  HostContext context;
  std::unique_ptr<Connector> connector;
  Batch last_batch;
  ExportedBatch exported;
};

inline ConnectorBox* Unbox(hub_connector* handle) { return reinterpret_cast<ConnectorBox*>(handle); }

// Runs body, mapping a failed Status or any exception to an error code. Never throws.
template <typename Body>
int32_t Guard(hub_error* error, Body&& body) noexcept {
  try {
    return ExportError(body(), error);
  } catch (const std::exception& e) {
    return ExportError(Status::Internal(std::string("uncaught exception: ") + e.what()), error);
  } catch (...) {
    return ExportError(Status::Internal("uncaught exception of unknown type"), error);
  }
}

template <typename ConnectorT>
class PluginAdapter {
 public:
  static const hub_plugin_api* Api() noexcept {
    static const hub_plugin_api api{
        sizeof(hub_plugin_api), HUB_ABI_MAJOR, HUB_ABI_MINOR, &GetInfo, &Create, &Destroy, &Configure, &ReadBatch,
        &WriteEvents,           &CheckHealth};
    return &api;
  }

 private:
  static int32_t GetInfo(const hub_plugin_info** info, hub_error* error) noexcept {
    return Guard(error, [&] {
      static const PluginDescription description = ConnectorT::Describe();
      static const ExportedInfo exported(description);
      *info = exported.view();
      return Status::Ok();
    });
  }

  static int32_t Create(const hub_host_api* host, hub_connector** out, hub_error* error) noexcept {
    return Guard(error, [&] {
      if (host == nullptr || host->struct_size < HUB_HOST_API_SIZE_V1_0) {
        return Status::InvalidArgument("host API table is missing or too old");
      }
      auto box = std::make_unique<ConnectorBox>(*host);
      box->connector = std::make_unique<ConnectorT>(box->context);
      *out = reinterpret_cast<hub_connector*>(box.release());
      return Status::Ok();
    });
  }

  // Destructors are noexcept: a connector whose destructor throws terminates the process, as in any C++
  // program. Release resources in the destructor without throwing.
  static void Destroy(hub_connector* handle) noexcept { delete Unbox(handle); }

  static int32_t Configure(hub_connector* handle, const hub_option_value* options, uint64_t count,
                           hub_error* error) noexcept {
    return Guard(error, [&] {
      std::map<std::string, std::string, std::less<>> values;
      for (uint64_t i = 0; i < count; ++i) values[std::string(FromC(options[i].name))] = FromC(options[i].value);
      return Unbox(handle)->connector->Configure(Options(std::move(values)));
    });
  }

  static int32_t ReadBatch(hub_connector* handle, hub_str cursor, uint64_t max_records, const hub_batch** out,
                           hub_error* error) noexcept {
    return Guard(error, [&] {
      ConnectorBox* box = Unbox(handle);
      Result<Batch> batch = box->connector->ReadBatch(FromC(cursor), max_records);
      if (!batch.ok()) return batch.status();
      box->last_batch = std::move(batch).value();
      box->exported.Build(box->last_batch);
      *out = box->exported.view();
      return Status::Ok();
    });
  }

  static int32_t WriteEvents(hub_connector* handle, const hub_outbound_event* events, uint64_t count,
                             uint64_t* accepted, hub_error* error) noexcept {
    return Guard(error, [&] {
      std::vector<OutboundEvent> batch;
      batch.reserve(count);
      for (uint64_t i = 0; i < count; ++i) batch.push_back(FromC(events[i]));
      Result<std::size_t> written = Unbox(handle)->connector->WriteEvents(batch);
      if (!written.ok()) return written.status();
      *accepted = *written;
      return Status::Ok();
    });
  }

  static int32_t CheckHealth(hub_connector* handle, hub_error* error) noexcept {
    return Guard(error, [&] { return Unbox(handle)->connector->CheckHealth(); });
  }
};

}  // namespace hub::sdk::detail

#endif  // HUB_SDK_DETAIL_PLUGIN_ADAPTER_HPP_
