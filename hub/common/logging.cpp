#include "common/logging.hpp"

#include <mutex>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace hub {
namespace {

// %j: the message, escaped for a JSON string.
class JsonEscapedMessage final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    static const char kHex[] = "0123456789abcdef";
    for (char c : msg.payload) {
      switch (c) {
        case '"':
          dest.append(std::string_view("\\\""));
          break;
        case '\\':
          dest.append(std::string_view("\\\\"));
          break;
        case '\n':
          dest.append(std::string_view("\\n"));
          break;
        case '\r':
          dest.append(std::string_view("\\r"));
          break;
        case '\t':
          dest.append(std::string_view("\\t"));
          break;
        default:
          if (static_cast<unsigned char>(c) < 0x20) {
            const char escaped[] = {'\\', 'u', '0', '0', kHex[(c >> 4) & 0xf], kHex[c & 0xf]};
            dest.append(escaped, escaped + sizeof(escaped));
          } else {
            dest.push_back(c);
          }
      }
    }
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<JsonEscapedMessage>(); }
};

std::unique_ptr<spdlog::formatter> MakeFormatter(LogFormat format) {
  auto formatter = std::make_unique<spdlog::pattern_formatter>(spdlog::pattern_time_type::utc);
  formatter->add_flag<JsonEscapedMessage>('j');
  if (format == LogFormat::kJson) {
    formatter->set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","component":"%n","message":"%j"})");
  } else {
    formatter->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %-5l [%n] %v");
  }
  return formatter;
}

// Every logger writes through this one sink, so reconfiguring it reconfigures them all.
std::shared_ptr<spdlog::sinks::dist_sink_mt> SharedSink() {
  static const auto sink = [] {
    auto dist = std::make_shared<spdlog::sinks::dist_sink_mt>();
    dist->add_sink(std::make_shared<spdlog::sinks::stderr_sink_mt>());
    dist->set_formatter(MakeFormatter(LogFormat::kText));
    return dist;
  }();
  return sink;
}

std::mutex& LevelMutex() {
  static std::mutex mutex;
  return mutex;
}
spdlog::level::level_enum g_level = spdlog::level::info;  // guarded by LevelMutex()

}  // namespace

void ConfigureLogging(const LogSettings& settings) {
  std::shared_ptr<spdlog::sinks::sink> target;
  if (settings.file.empty()) {
    target = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  } else {
    target = std::make_shared<spdlog::sinks::basic_file_sink_mt>(settings.file);
  }
  auto shared = SharedSink();
  shared->set_sinks({target});
  shared->set_formatter(MakeFormatter(settings.format));
  {
    std::lock_guard lock(LevelMutex());
    g_level = settings.level;
  }
  spdlog::apply_all([&](const std::shared_ptr<spdlog::logger>& logger) { logger->set_level(settings.level); });
}

Logger MakeLogger(std::string_view component) {
  std::string name(component);
  if (auto existing = spdlog::get(name)) return existing;
  auto logger = std::make_shared<spdlog::logger>(name, SharedSink());
  {
    std::lock_guard lock(LevelMutex());
    logger->set_level(g_level);
  }
  logger->flush_on(spdlog::level::warn);
  // Two threads may race to create the same component; the registry keeps the first.
  try {
    spdlog::register_logger(logger);
  } catch (const spdlog::spdlog_ex&) {
    if (auto existing = spdlog::get(name)) return existing;
  }
  return logger;
}

bool ParseLogLevel(std::string_view text, spdlog::level::level_enum* level) {
  static const std::pair<std::string_view, spdlog::level::level_enum> kLevels[] = {
      {"trace", spdlog::level::trace}, {"debug", spdlog::level::debug}, {"info", spdlog::level::info},
      {"warn", spdlog::level::warn},   {"error", spdlog::level::err},   {"off", spdlog::level::off}};
  for (const auto& [name, value] : kLevels) {
    if (text == name) {
      *level = value;
      return true;
    }
  }
  return false;
}

}  // namespace hub
