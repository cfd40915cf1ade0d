#include "common/lease_owner.hpp"

#include <signal.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <random>

namespace hub {
namespace {

std::string HostName() {
  char name[256] = {};
  if (gethostname(name, sizeof(name) - 1) != 0) return "localhost";
  return name;
}

}  // namespace

std::string MakeLeaseOwner(std::string_view instance_name) {
  std::random_device random;
  char suffix[9] = {};
  const unsigned value = std::uniform_int_distribution<unsigned>(0, 0xffffffffu)(random);
  std::snprintf(suffix, sizeof(suffix), "%08x", value);
  return std::string(instance_name) + "@" + HostName() + ":" + std::to_string(getpid()) + ":" + suffix;
}

bool IsGoneLocalProcess(std::string_view owner) {
  // The host lies between the first '@' and the last ':' but one (a hostname has no ':').
  std::size_t at = owner.find('@');
  std::size_t random = owner.rfind(':');
  if (at == std::string_view::npos || random == std::string_view::npos || random <= at) return false;
  std::size_t pid_start = owner.rfind(':', random - 1);
  if (pid_start == std::string_view::npos || pid_start <= at) return false;
  if (owner.substr(at + 1, pid_start - at - 1) != HostName()) return false;
  pid_t pid = 0;
  auto [end, error] = std::from_chars(owner.data() + pid_start + 1, owner.data() + random, pid);
  if (error != std::errc() || end != owner.data() + random || pid <= 0) return false;
  // Only "no such process" means gone: EPERM is a process that exists, and a zombie still answers.
  return kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace hub
