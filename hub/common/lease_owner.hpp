// Who holds a lease in the store (a sync job's, a delivery lane's): the owner id of a hub process, and
// whether such a holder is a process of this host that no longer exists.
#ifndef HUB_COMMON_LEASE_OWNER_HPP_
#define HUB_COMMON_LEASE_OWNER_HPP_

#include <string>
#include <string_view>

namespace hub {

// This hub process's name as a lease holder: "<instance>@<host>:<pid>:<random 8 hex>", different for every
// process (a restarted hub is a new holder). Thread-safe.
std::string MakeLeaseOwner(std::string_view instance_name);

// True only when `owner` is such an id, names this host (its hostname) and a pid for which no process
// exists here: its holder cannot renew its lease, which may be taken over at once. False for any other
// holder — another host, a malformed id, a pid that exists (even one the system has given to another
// process since: the random part cannot tell, so a reused pid makes us wait for the lease to lapse, never
// take a live holder's), or a pid we may not signal (it exists). It asks the kernel (kill(pid, 0)), so call
// it only for a lease held by someone else and not lapsed yet. The one way it errs towards taking: hubs on
// one store whose hostnames agree but whose pids are not each other's (containers sharing a hostname in
// separate pid namespaces) — give such hubs distinct hostnames. Thread-safe.
bool IsGoneLocalProcess(std::string_view owner);

}  // namespace hub

#endif  // HUB_COMMON_LEASE_OWNER_HPP_
