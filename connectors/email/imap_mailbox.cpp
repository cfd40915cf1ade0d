#include "email/imap_mailbox.hpp"

#include <algorithm>
#include <utility>

#include "email/imap_command.hpp"
#include "email/imap_replies.hpp"

namespace hub::email {
namespace {

std::string Position(const std::string& folder, std::uint32_t uid, std::uint32_t uidvalidity) {
  return folder + " uid " + std::to_string(uid) + " (uidvalidity " + std::to_string(uidvalidity) + ")";
}

}  // namespace

ImapMailbox::ImapMailbox(ImapMailboxOptions options, LogSink log, std::function<bool()> cancelled)
    : options_(std::move(options)), log_(std::move(log)), cancelled_(std::move(cancelled)) {}

ImapMailbox::~ImapMailbox() = default;

void ImapMailbox::Log(sdk::LogLevel level, const std::string& message) const {
  if (log_) log_(level, message);
}

template <typename Attempt>
auto ImapMailbox::WithOneReconnect(Attempt attempt) -> decltype(attempt()) {
  const bool kept = connection_ != nullptr;
  connection_dropped_ = false;
  auto outcome = attempt();
  if (outcome.ok() || !kept || !connection_dropped_) return outcome;
  Log(sdk::LogLevel::kInfo, "the kept IMAP connection was lost (" + outcome.status().message() + "); reconnecting");
  connection_dropped_ = false;
  return attempt();
}

sdk::Result<ImapReply> ImapMailbox::Command(std::string_view command) {
  if (connection_ == nullptr) {
    sdk::Result<std::unique_ptr<ImapConnection>> opened = ImapConnection::Open(options_.server, cancelled_);
    if (!opened.ok()) return opened.status();
    connection_ = std::move(*opened);
    Log(sdk::LogLevel::kDebug, "logged in to " + options_.server.url + " as " + options_.server.user);
  }
  sdk::Result<ImapReply> reply = connection_->Run(command);
  if (connection_->broken()) {
    connection_.reset();
    connection_dropped_ = reply.status().code() == sdk::StatusCode::kUnavailable;
  }
  return reply;
}

sdk::Status ImapMailbox::CheckHealth() {
  sdk::Result<ImapReply> reply = WithOneReconnect([this] { return Command("NOOP"); });
  if (!reply.ok()) return reply.status();
  if (!reply->ok()) {
    return sdk::Status::Unavailable("IMAP server " + options_.server.url + " answered NOOP with " + reply->condition +
                                    " " + reply->text);
  }
  return sdk::Status::Ok();
}

sdk::Result<MailboxPage> ImapMailbox::Read(std::string_view cursor_text, std::size_t max_messages) {
  sdk::Result<ImapCursor> cursor = ParseImapCursor(cursor_text);
  if (!cursor.ok()) return cursor.status();
  return WithOneReconnect([&] { return ReadPage(*cursor, std::max<std::size_t>(max_messages, 1)); });
}

sdk::Result<MailboxPage> ImapMailbox::ReadPage(ImapCursor cursor, std::size_t max_messages) {
  MailboxPage page;
  for (const std::string& folder : options_.folders) {
    if (page.messages.size() == max_messages) break;
    ImapFolderPosition position = cursor[folder];
    HUB_RETURN_IF_ERROR(OpenFolder(folder, position));
    for (bool more = true; more && page.messages.size() < max_messages;) {
      sdk::Result<Chunk> chunk = NextUids(folder, position, max_messages - page.messages.size());
      if (!chunk.ok()) return chunk.status();
      more = chunk->more;
      if (chunk->uids.empty()) break;
      HUB_RETURN_IF_ERROR(Fetch(folder, position, chunk->uids, page.messages));
      // Every UID asked for was either fetched or expunged meanwhile: none is left behind.
      position.last_uid = chunk->uids.back();
    }
    cursor[folder] = position;
  }
  page.end_of_data = page.messages.size() < max_messages;
  page.next_cursor = FormatImapCursor(cursor);
  return page;
}

sdk::Status ImapMailbox::OpenFolder(const std::string& folder, ImapFolderPosition& position) {
  sdk::Result<ImapReply> reply = Command("EXAMINE " + QuotedMailboxName(folder));
  if (!reply.ok()) return reply.status();
  if (!reply->ok()) {
    return sdk::Status::Unavailable("IMAP folder '" + folder + "' on " + options_.server.url +
                                    " cannot be opened: " + reply->condition + " " + reply->text);
  }
  const std::optional<std::uint32_t> uidvalidity = UidValidityOf(*reply);
  if (!uidvalidity) {
    return sdk::Status::DataError("IMAP server " + options_.server.url + " gave no UIDVALIDITY for folder '" + folder +
                                  "', without which no position in it can be kept");
  }
  if (position.uidvalidity != 0 && position.uidvalidity != *uidvalidity) {
    Log(sdk::LogLevel::kWarn, "IMAP folder '" + folder + "': UIDVALIDITY changed from " +
                                  std::to_string(position.uidvalidity) + " to " + std::to_string(*uidvalidity) +
                                  " (its UIDs were given again); reading it again from its start");
    position.last_uid = 0;
  }
  position.uidvalidity = *uidvalidity;
  return sdk::Status::Ok();
}

sdk::Result<ImapMailbox::Chunk> ImapMailbox::NextUids(const std::string& folder, const ImapFolderPosition& position,
                                                      std::size_t room) {
  Found& found = found_[folder];
  const auto after_last = [&](const Found& f) {
    return std::upper_bound(f.uids.begin(), f.uids.end(), position.last_uid);
  };
  const bool usable = found.uidvalidity == position.uidvalidity && position.last_uid >= found.searched_after &&
                      after_last(found) != found.uids.end();
  if (!usable) {
    // "n:*" always matches the highest UID, even one below n: SearchedUids' answer is cut at last_uid below.
    sdk::Result<ImapReply> reply = Command("UID SEARCH UID " + std::to_string(position.last_uid + 1) + ":*");
    if (!reply.ok()) return reply.status();
    if (!reply->ok()) {
      return sdk::Status::Unavailable("IMAP folder '" + folder + "': UID SEARCH answered " + reply->condition + " " +
                                      reply->text);
    }
    sdk::Result<std::vector<std::uint32_t>> uids = SearchedUids(*reply);
    if (!uids.ok()) return uids.status();
    found = Found{position.uidvalidity, position.last_uid, std::move(*uids)};
  }
  const auto first = after_last(found);
  const std::size_t left = static_cast<std::size_t>(found.uids.end() - first);
  const std::size_t taken = std::min(left, room);
  Chunk chunk{std::vector<std::uint32_t>(first, first + static_cast<std::ptrdiff_t>(taken)), taken < left || usable};
  return chunk;
}

sdk::Status ImapMailbox::Fetch(const std::string& folder, const ImapFolderPosition& position,
                               const std::vector<std::uint32_t>& uids, std::vector<MailboxMessage>& out) {
  sdk::Result<ImapReply> reply = Command("UID FETCH " + UidSet(uids) + " (UID INTERNALDATE BODY.PEEK[])");
  if (!reply.ok()) return reply.status();
  if (!reply->ok()) {
    return sdk::Status::Unavailable("IMAP folder '" + folder + "': UID FETCH answered " + reply->condition + " " +
                                    reply->text);
  }
  sdk::Result<std::vector<FetchedBody>> bodies = FetchedBodies(*reply);
  if (!bodies.ok()) return bodies.status();
  std::sort(bodies->begin(), bodies->end(), [](const FetchedBody& a, const FetchedBody& b) { return a.uid < b.uid; });
  std::size_t next = 0;
  for (std::uint32_t uid : uids) {
    while (next < bodies->size() && (*bodies)[next].uid < uid) ++next;
    if (next == bodies->size() || (*bodies)[next].uid != uid) {
      Log(sdk::LogLevel::kDebug, Position(folder, uid, position.uidvalidity) + " was expunged before it was fetched");
      continue;
    }
    FetchedBody& body = (*bodies)[next];
    out.push_back(
        MailboxMessage{folder, Position(folder, uid, position.uidvalidity), std::move(body.bytes), body.internal_date});
  }
  Log(sdk::LogLevel::kDebug,
      "IMAP folder '" + folder + "': fetched " + std::to_string(uids.size()) + " new message(s), UIDs " + UidSet(uids));
  return sdk::Status::Ok();
}

}  // namespace hub::email
