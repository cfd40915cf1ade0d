#include "delivery/delivery_run.hpp"

#include <algorithm>
#include <limits>
#include <optional>

#include "delivery/dead_letters.hpp"
#include "delivery/event_document.hpp"
#include "delivery/lanes.hpp"
#include "delivery/offer.hpp"
#include "delivery/outbox_reader.hpp"
#include "delivery/retention.hpp"
#include "hub/odbc/transaction.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::delivery {
namespace {

// Replay-requested dead letters read and offered at a time.
constexpr std::size_t kReplayBatch = 100;

// The state of one run over one connection: the lanes it holds and what happened in the current batch.
class DeliveryRun {
 public:
  DeliveryRun(odbc::Connection& connection, const Subscription& subscription, const Deliver& deliver,
              const DeliveryRunOptions& options, const Clock& clock)
      : connection_(connection),
        subscription_(subscription),
        deliver_(deliver),
        options_(options),
        clock_(clock),
        random_(options.random ? options.random : SystemRandom()),
        log_(options.logger ? options.logger : MakeLogger("delivery")) {}

  // Reads the store's identity, makes the lanes on the first run and claims the free ones.
  sdk::Status Start();
  bool holds_lanes() const { return !lanes_.empty(); }
  // Delivers the replays requested for the lanes held, committing after each group.
  sdk::Status Replay();
  // Delivers and commits one batch: false when nothing was due.
  sdk::Result<bool> NextBatch();
  // Releases the leases and applies the outbox retention when asked.
  sdk::Status Finish();
  const DeliveryCounts& counts() const { return counts_; }

 private:
  std::int64_t NowMs() const {
    return std::chrono::duration_cast<std::chrono::milliseconds>(clock_.Now().time_since_epoch()).count();
  }
  LaneLease Lease() const { return {options_.owner, NowMs() + options_.lease.count()}; }
  // The index in lanes_ of the lane of `event`, or nullopt when this run does not hold it.
  std::optional<std::size_t> HeldLane(const OutboxEvent& event) const;
  sdk::Result<std::int64_t> Bound();
  std::vector<const OutboxEvent*> Wanted(const std::vector<OutboxEvent>& rows, const std::vector<bool>& active);
  // What the connector receives for `event`: with its document when the subscription asks for it.
  sdk::Result<sdk::OutboundEvent> Outbound(const OutboxEvent& event);
  // Offers `events` in order and stops at the first failure that is not a refusal for good (the system is
  // down or slow: offering the other lanes' events at once would only add one more failure — one more
  // timeout — each, and a batch of them could outlast the lease), even when that attempt was the last and
  // the event is now a dead letter: answers that event's outbox id, or nullopt when the offer went through.
  // `outbound` holds the events as the connector receives them, one for each of `events`.
  std::optional<std::int64_t> Offer(const std::vector<const OutboxEvent*>& events,
                                    const std::vector<sdk::OutboundEvent>& outbound, std::vector<bool>& stopped);
  // Notes the failed attempt at `event`: a dead letter that its lane passes, or the lane stops at it with a
  // backoff.
  void Failed(const OutboxEvent& event, std::size_t lane, const sdk::Status& error, std::vector<bool>& stopped);
  sdk::Status Commit();

  odbc::Connection& connection_;
  const Subscription& subscription_;
  const Deliver& deliver_;
  const DeliveryRunOptions& options_;
  const Clock& clock_;
  RandomSource random_;
  Logger log_;
  std::string identity_;
  int lane_count_ = 0;
  std::vector<Lane> lanes_;                    // the lanes held, in lane order
  std::vector<int> lane_index_;                // lane number → index in lanes_, −1 when not held
  std::vector<DeadLetterWrite> dead_;          // of the current batch
  std::vector<const OutboxEvent*> unmatched_;  // of the current batch: skipped once their lane passes them
  std::int64_t bound_ = 0;
  bool bound_stale_ = true;  // the last batch reached bound_: something newer may have committed
  bool ahead_turn_ = false;  // while a lane is far behind: whether this batch was the turn of the others
  DeliveryCounts counts_;
};

sdk::Status DeliveryRun::Start() {
  sdk::Result<std::string> identity = StoreIdentity(connection_);
  if (!identity.ok()) return identity.status();
  identity_ = std::move(identity).value();
  sdk::Result<int> count = LaneCount(connection_, subscription_.name);
  if (!count.ok()) return count.status();
  if (*count == 0) {
    std::int64_t start = 0;
    if (subscription_.start == Subscription::Start::kLatest) {
      sdk::Result<std::int64_t> bound = odbc::CommittedOutboxBound(connection_);
      if (!bound.ok())
        return bound.status().WithContext("finding the latest event for subscriber " + subscription_.name);
      start = *bound;
    }
    HUB_RETURN_IF_ERROR(CreateLanes(connection_, subscription_.name, std::max(1, subscription_.lanes), start));
    count = LaneCount(connection_, subscription_.name);
    if (!count.ok()) return count.status();
  }
  lane_count_ = *count;
  if (lane_count_ < 1) return sdk::Status::Internal("subscriber " + subscription_.name + " has no lanes");
  sdk::Result<std::vector<Lane>> claimed = ClaimLanes(connection_, subscription_.name, Lease(), NowMs());
  if (!claimed.ok()) return claimed.status();
  lanes_ = std::move(claimed).value();
  lane_index_.assign(static_cast<std::size_t>(lane_count_), -1);
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    if (lanes_[i].lane >= 0 && lanes_[i].lane < lane_count_) lane_index_[lanes_[i].lane] = static_cast<int>(i);
    // A lane's position was read under a committed bound: a run with nothing newer takes no barrier.
    bound_ = std::max(bound_, lanes_[i].position);
  }
  return sdk::Status::Ok();
}

std::optional<std::size_t> DeliveryRun::HeldLane(const OutboxEvent& event) const {
  const int index = lane_index_[LaneOf(event.aggregate, event.aggregate_id, lane_count_)];
  if (index < 0) return std::nullopt;
  return static_cast<std::size_t>(index);
}

sdk::Result<std::int64_t> DeliveryRun::Bound() {
  if (!bound_stale_) return bound_;
  sdk::Result<std::int64_t> visible = odbc::VisibleOutboxMax(connection_);
  if (!visible.ok()) return visible.status();
  // Nothing beyond the last committed bound is visible: no writer's turn needs waiting for.
  if (*visible <= bound_) return bound_;
  sdk::Result<std::int64_t> committed = odbc::CommittedOutboxBound(connection_);
  if (!committed.ok()) return committed.status();
  bound_ = std::max(bound_, *committed);
  return bound_;
}

sdk::Status DeliveryRun::Replay() {
  std::int64_t after = 0;
  bool go_on = true;
  while (go_on) {
    sdk::Result<std::vector<ReplayRequest>> requests =
        RequestedReplays(connection_, subscription_.name, after, NowMs(), kReplayBatch);
    if (!requests.ok()) return requests.status();
    if (requests->empty()) return sdk::Status::Ok();
    after = requests->back().event.id;
    std::vector<const ReplayRequest*> mine;
    std::vector<sdk::OutboundEvent> events;
    for (const ReplayRequest& request : *requests) {
      if (!HeldLane(request.event)) continue;  // another hub holds its lane and replays it
      mine.push_back(&request);
      sdk::Result<sdk::OutboundEvent> event = Outbound(request.event);
      if (!event.ok()) return event.status();
      events.push_back(std::move(event).value());
    }
    std::vector<std::int64_t> replayed;
    std::vector<std::pair<DeadLetterWrite, bool>> failed;  // and whether refused for good
    OfferInOrder(
        deliver_, events,
        {[&](std::size_t i) { replayed.push_back(mine[i]->event.id); },
         [&](std::size_t i, const sdk::Status& error) {
           ++counts_.failed_attempts;
           failed.push_back({{mine[i]->event.id, mine[i]->attempts + 1, error.message()}, RefusedForGood(error)});
           go_on = RefusedForGood(error);  // the system is down: the rest waits for the next run
           return go_on;
         },
         [](std::size_t) { return false; }});
    counts_.replayed += replayed.size();
    sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection_);
    if (!transaction.ok()) return transaction.status();
    HUB_RETURN_IF_ERROR(SaveLanes(connection_, subscription_.name, Lease(), lanes_));
    HUB_RETURN_IF_ERROR(MarkReplayed(connection_, subscription_.name, replayed, NowMs()));
    for (const auto& [letter, refused] : failed) {
      // A replay the system is not ready for waits as a lane would, by the letter's attempts.
      const std::int64_t retry_at =
          NowMs() + RetryDelay(letter.attempts, subscription_.backoff, subscription_.max_backoff, random_).count();
      HUB_RETURN_IF_ERROR(ReplayFailed(connection_, subscription_.name, letter, refused, NowMs(), retry_at));
    }
    HUB_RETURN_IF_ERROR(transaction->Commit());
  }
  return sdk::Status::Ok();
}

std::vector<const OutboxEvent*> DeliveryRun::Wanted(const std::vector<OutboxEvent>& rows,
                                                    const std::vector<bool>& active) {
  std::vector<const OutboxEvent*> wanted;
  wanted.reserve(rows.size());
  for (const OutboxEvent& row : rows) {
    std::optional<std::size_t> lane = HeldLane(row);
    if (!lane || !active[*lane] || row.id <= lanes_[*lane].position) continue;
    if (!subscription_.Matches(row)) {
      unmatched_.push_back(&row);
      continue;
    }
    wanted.push_back(&row);
  }
  return wanted;
}

sdk::Result<bool> DeliveryRun::NextBatch() {
  const std::int64_t now = NowMs();
  std::vector<bool> active(lanes_.size());
  std::int64_t lowest = std::numeric_limits<std::int64_t>::max();
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    active[i] = !lanes_[i].InBackoff(now);
    if (active[i]) lowest = std::min(lowest, lanes_[i].position);
  }
  std::int64_t ahead = std::numeric_limits<std::int64_t>::max();  // the lowest position above `lowest`
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    if (active[i] && lanes_[i].position > lowest) ahead = std::min(ahead, lanes_[i].position);
  }
  sdk::Result<std::int64_t> bound = Bound();
  if (!bound.ok()) return bound.status();
  if (lowest >= *bound) return false;
  // A lane more than a batch behind the others (out of a long backoff, say) catches up in every other
  // batch; in the batches between, the others go on from where they are. A lane below the read's start is
  // left out of the batch: its events before the start were not read.
  std::int64_t from = lowest;
  const bool far_behind = ahead < *bound && ahead - lowest > static_cast<std::int64_t>(options_.batch_size);
  if (far_behind) {
    ahead_turn_ = !ahead_turn_;
    if (ahead_turn_) from = ahead;
  }
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    if (lanes_[i].position < from) active[i] = false;
  }
  sdk::Result<std::vector<OutboxEvent>> rows = ReadOutbox(connection_, from, *bound, options_.batch_size);
  if (!rows.ok()) return rows.status();
  const bool reached_bound = rows->size() < options_.batch_size;
  const std::int64_t scanned_to = reached_bound ? *bound : rows->back().id;
  bound_stale_ = reached_bound;
  std::vector<bool> stopped(lanes_.size(), false);
  dead_.clear();
  unmatched_.clear();
  const std::vector<const OutboxEvent*> wanted = Wanted(*rows, active);
  std::vector<sdk::OutboundEvent> outbound;
  outbound.reserve(wanted.size());
  for (const OutboxEvent* event : wanted) {
    sdk::Result<sdk::OutboundEvent> composed = Outbound(*event);
    if (!composed.ok()) return composed.status();
    outbound.push_back(std::move(composed).value());
  }
  const std::optional<std::int64_t> stop_at = Offer(wanted, outbound, stopped);
  // After a stop the events from stop_at on were not offered: no lane passes them in this batch (the
  // others go on in the next one, while the failed lane waits for its backoff).
  const std::int64_t handled_to = stop_at ? std::min(scanned_to, *stop_at - 1) : scanned_to;
  for (std::size_t i = 0; i < lanes_.size(); ++i) {
    if (!active[i] || stopped[i] || handled_to <= lanes_[i].position) continue;
    // The lane's head event was among the rows and is handled (even one the subscription no longer matches):
    // earlier failures belong to no event any more.
    lanes_[i].position = handled_to;
    lanes_[i].attempts = 0;
    lanes_[i].next_attempt_at_ms.reset();
    lanes_[i].last_error.clear();
  }
  for (const OutboxEvent* row : unmatched_) {
    if (row->id <= lanes_[*HeldLane(*row)].position) ++counts_.skipped;  // else read again later
  }
  HUB_RETURN_IF_ERROR(Commit());
  return true;
}

sdk::Result<sdk::OutboundEvent> DeliveryRun::Outbound(const OutboxEvent& event) {
  sdk::OutboundEvent outbound = ToOutbound(event, identity_);
  if (subscription_.WantsDocument(event)) HUB_RETURN_IF_ERROR(AddEventDocument(connection_, event, outbound));
  return outbound;
}

std::optional<std::int64_t> DeliveryRun::Offer(const std::vector<const OutboxEvent*>& events,
                                               const std::vector<sdk::OutboundEvent>& outbound,
                                               std::vector<bool>& stopped) {
  std::vector<std::size_t> lane_of;
  std::optional<std::int64_t> stop_at;
  lane_of.reserve(events.size());
  for (const OutboxEvent* event : events) lane_of.push_back(*HeldLane(*event));
  OfferInOrder(deliver_, outbound,
               {[&](std::size_t i) {
                  Lane& lane = lanes_[lane_of[i]];
                  ++lane.delivered;
                  ++counts_.delivered;
                  lane.attempts = 0;
                  lane.next_attempt_at_ms.reset();
                  lane.last_error.clear();
                },
                [&](std::size_t i, const sdk::Status& error) {
                  Failed(*events[i], lane_of[i], error, stopped);
                  if (RefusedForGood(error)) return true;  // the system answered: it is up
                  stop_at = events[i]->id;
                  return false;
                },
                [&](std::size_t i) { return static_cast<bool>(stopped[lane_of[i]]); }});
  return stop_at;
}

void DeliveryRun::Failed(const OutboxEvent& event, std::size_t index, const sdk::Status& error,
                         std::vector<bool>& stopped) {
  Lane& lane = lanes_[index];
  ++counts_.failed_attempts;
  // The lane's attempts are its head event's (outbox id position + 1): a later event of the lane failing
  // after that head was skipped (it no longer matches) is at its first attempt.
  const int attempts = (event.id == lane.position + 1 ? lane.attempts : 0) + 1;
  if (RefusedForGood(error) || attempts >= subscription_.max_attempts) {
    // A dead letter never blocks what comes after it, its own aggregate's later events included.
    dead_.push_back({event.id, attempts, error.message()});
    ++counts_.dead_lettered;
    log_->warn("subscriber {}: event {} ({} of {} {}) is a dead letter after {} attempt{}: {}", subscription_.name,
               EventId(identity_, event.id), event.kind, event.aggregate, event.aggregate_id, attempts,
               attempts == 1 ? "" : "s", error.message());
    lane.attempts = 0;
    lane.next_attempt_at_ms.reset();
    lane.last_error.clear();
    lane.position = event.id;  // its earlier events in this batch are handled: offered in order
    return;
  }
  lane.attempts = attempts;
  lane.next_attempt_at_ms =
      NowMs() + RetryDelay(attempts, subscription_.backoff, subscription_.max_backoff, random_).count();
  lane.last_error = error.message();
  lane.position = event.id - 1;
  stopped[index] = true;
  log_->info("subscriber {}: event {} failed (attempt {} of {}), its lane waits {} ms: {}", subscription_.name,
             EventId(identity_, event.id), attempts, subscription_.max_attempts, *lane.next_attempt_at_ms - NowMs(),
             error.message());
}

sdk::Status DeliveryRun::Commit() {
  sdk::Result<odbc::Transaction> transaction = odbc::Transaction::Begin(connection_);
  if (!transaction.ok()) return transaction.status();
  HUB_RETURN_IF_ERROR(SaveLanes(connection_, subscription_.name, Lease(), lanes_));
  HUB_RETURN_IF_ERROR(PutDeadLetters(connection_, subscription_.name, dead_, NowMs()));
  return transaction->Commit();
}

sdk::Status DeliveryRun::Finish() {
  HUB_RETURN_IF_ERROR(ReleaseLanes(connection_, subscription_.name, options_.owner));
  if (options_.all_subscribers.empty()) return sdk::Status::Ok();
  return ApplyOutboxRetention(connection_, options_.all_subscribers, NowMs(), options_.outbox_retention);
}

}  // namespace

DeliveryRunResult RunDelivery(odbc::Database& store, const Subscription& subscription, const Deliver& deliver,
                              const DeliveryRunOptions& options, const Clock& clock, const CancellationToken& cancel) {
  if (options.owner.empty() || options.batch_size == 0 || options.lease.count() <= 0) {
    return {{},
            sdk::Status::InvalidArgument("delivery to subscriber " + subscription.name +
                                         " needs an owner id, a batch size and a lease")};
  }
  sdk::Result<odbc::ConnectionLease> lease = store.Acquire();
  if (!lease.ok()) return {{}, lease.status()};
  DeliveryRun run(lease->get(), subscription, deliver, options, clock);
  sdk::Status status = run.Start();
  if (status.ok() && run.holds_lanes()) status = run.Replay();
  while (status.ok() && run.holds_lanes()) {
    if (cancel.Cancelled()) {
      status = sdk::Status::Cancelled("stopped between batches");
      break;
    }
    sdk::Result<bool> more = run.NextBatch();
    if (!more.ok()) status = more.status();
    if (!more.ok() || !*more) break;
  }
  const sdk::Status finished = run.Finish();
  if (status.ok()) status = finished;
  return {run.counts(), status.ok() ? status : status.WithContext("delivery to subscriber " + subscription.name)};
}

}  // namespace hub::delivery
