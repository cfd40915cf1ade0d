#include "support/local_process.hpp"

#include <sys/wait.h>
#include <unistd.h>

namespace hub::test {

pid_t GonePid() {
  const pid_t child = fork();
  if (child == 0) _exit(0);
  if (child < 0 || waitpid(child, nullptr, 0) != child) return -1;
  return child;
}

std::string LocalOwner(const std::string& instance, pid_t pid, const std::string& random) {
  char host[256] = {};
  gethostname(host, sizeof(host) - 1);
  return instance + "@" + host + ":" + std::to_string(pid) + ":" + random;
}

}  // namespace hub::test
