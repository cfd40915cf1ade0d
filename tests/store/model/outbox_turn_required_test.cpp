// The model layer's outbox writers need the outbox writers' turn (store/odbc/outbox_turn.hpp) to be built,
// and only TakeOutboxWriterTurn makes one: code that appends events without taking the turn does not
// compile. These are compile-time properties, checked here by static_assert; that the turn, once taken,
// holds the delivery's barrier back is tested at run time on PostgreSQL by tests/delivery/delivery_hubs_test.
#include <type_traits>

#include "hub/odbc/connection.hpp"
#include "store/model/bulk_party_writer.hpp"
#include "store/model/entity_writer.hpp"
#include "store/model/party_writer.hpp"
#include "store/model/record_writer.hpp"
#include "store/model/source_links.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {
namespace {

using odbc::Connection;
using odbc::OutboxTurn;

static_assert(!std::is_default_constructible_v<OutboxTurn>, "only TakeOutboxWriterTurn makes a turn");
static_assert(!std::is_copy_constructible_v<OutboxTurn> && !std::is_copy_assignable_v<OutboxTurn>,
              "a turn is not copied");
static_assert(std::is_nothrow_move_constructible_v<OutboxTurn>, "a turn moves out of its Result");
static_assert(
    std::is_same_v<decltype(odbc::TakeOutboxWriterTurn(std::declval<Connection&>())), sdk::Result<OutboxTurn>>,
    "taking the turn answers the token");

template <typename Writer>
constexpr bool kNeedsTheTurn = !std::is_constructible_v<Writer, Connection&, SourceLinks&> &&
                               std::is_constructible_v<Writer, Connection&, SourceLinks&, const OutboxTurn&>;

static_assert(kNeedsTheTurn<RecordWriter>, "RecordWriter appends events: it needs the turn");
static_assert(kNeedsTheTurn<PartyWriter>, "PartyWriter appends events: it needs the turn");
static_assert(kNeedsTheTurn<EntityWriter>, "EntityWriter appends events: it needs the turn");
static_assert(kNeedsTheTurn<BulkPartyWriter>, "BulkPartyWriter appends events: it needs the turn");
static_assert(!std::is_invocable_v<decltype(InsertPartyRows)&, Connection&, PartyTableRows&> &&
                  std::is_invocable_v<decltype(InsertPartyRows)&, Connection&, PartyTableRows&, const OutboxTurn&>,
              "InsertPartyRows appends the rows' events: it needs the turn");

}  // namespace
}  // namespace hub::store_model
