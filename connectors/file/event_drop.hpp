// The file connector's outbound side: events delivered as JSON Lines files into a drop folder.
#ifndef HUB_CONNECTORS_FILE_EVENT_DROP_HPP_
#define HUB_CONNECTORS_FILE_EVENT_DROP_HPP_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "hub/sdk/record.hpp"
#include "hub/sdk/status.hpp"

namespace hub::file {

// The name of the file a batch goes to: "<prefix>-<first event id>-<count>.jsonl", the id made safe for
// any file system (bytes other than ASCII letters, digits, '.', '_' and '-' written as %XX; a very long id
// cut and completed with a hash of it). The same batch handed over again gets the same name. Pure.
std::string DropFileName(std::string_view prefix, std::string_view first_event_id, std::size_t count);

// Delivers events as files into `folder`, with the semantics of Connector::WriteEvents: each call writes
// one file (EventLine per event, in order) atomically with WriteFileAtomically, so that a consumer of
// the folder never sees part of a file and an accepted batch survives a crash; a batch handed over again
// overwrites its own earlier file (DropFileName) rather than adding a copy. Delivery is at least once:
// receivers deduplicate on event_id. Not thread-safe: one call at a time, as the hub does.
class EventDrop {
 public:
  EventDrop(std::filesystem::path folder, std::string prefix);

  // How many of `events` were written (all, or the events before the first one that cannot be written).
  // DataError naming the event when the first event's payload is not valid JSON (the system refuses it for
  // good); Unavailable when the folder does not exist, IoError when it cannot be written (try again later;
  // nothing accepted, nothing left behind). 0 for no events, writing nothing.
  sdk::Result<std::size_t> Write(const std::vector<sdk::OutboundEvent>& events) const;

  // OK when the folder exists and this process may write into it; Unavailable otherwise.
  sdk::Status CheckHealth() const;

 private:
  std::filesystem::path folder_;
  std::string prefix_;
};

}  // namespace hub::file

#endif  // HUB_CONNECTORS_FILE_EVENT_DROP_HPP_
