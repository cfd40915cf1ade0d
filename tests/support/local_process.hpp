// Lease holders of this host for tests of lease takeover: the owner id of a process that has ended, and of
// one that lives.
#ifndef HUB_TESTS_SUPPORT_LOCAL_PROCESS_HPP_
#define HUB_TESTS_SUPPORT_LOCAL_PROCESS_HPP_

#include <sys/types.h>

#include <string>

namespace hub::test {

// A pid of this host with no process behind it: a child's that exited and was reaped (the kernel hands it
// out again only after going round its pid space). -1 when fork or waitpid fails.
pid_t GonePid();

// The owner id "<instance>@<this host>:<pid>:<random>" of a hub process with pid `pid` on this host.
std::string LocalOwner(const std::string& instance, pid_t pid, const std::string& random = "0badf00d");

}  // namespace hub::test

#endif  // HUB_TESTS_SUPPORT_LOCAL_PROCESS_HPP_
