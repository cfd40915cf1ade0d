// The follow-up of a product intent (intents.hpp), once: a suggestion names its owner, a purchase becomes an
// opportunity, an invalid one is closed with its reason and kept. An intent customer followed up as a suggestion
// or a purchase joins the customer master first, as a prospect with its contact person.
#ifndef HUB_STORE_MODEL_INTENT_FOLLOW_UP_HPP_
#define HUB_STORE_MODEL_INTENT_FOLLOW_UP_HPP_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "hub/odbc/connection.hpp"
#include "hub/sdk/status.hpp"
#include "store/model/intents.hpp"
#include "store/odbc/outbox_turn.hpp"

namespace hub::store_model {

enum class IntentOutcome { kSuggestion, kPurchase, kInvalid };

// "suggestion", "purchase", "invalid": the intent's status after the outcome and its event's change.
std::string_view IntentOutcomeName(IntentOutcome outcome);

// The outcome named `name`, or nullopt.
std::optional<IntentOutcome> IntentOutcomeNamed(std::string_view name);

// How an intent is followed up.
struct IntentFollowUp {
  IntentOutcome outcome = IntentOutcome::kSuggestion;
  std::string owner_employee_number;  // required for a suggestion and a purchase
  std::string reason;                 // required for invalid
  std::string opportunity_name;       // a purchase's opportunity; empty: the product
  std::string by;                     // who follows it up (the API's principal)
};

// What FollowUpIntent found: the intent as it is now, and whether this call followed it up (false: it was not
// open, and nothing was written).
struct FollowedUpIntent {
  IntentRow intent;
  bool followed_up = false;
};

// Follows the open intent `id` up in the caller's transaction, which holds `turn`, under the turn of
// kIntentsSourceSystem. For a suggestion or a purchase without a known customer, the intent customer is written
// through RecordWriter as a `party` of kIntentsSourceSystem, source id "intent/<id>/customer" (an organization
// named by its company name, or a person named by the contact when it gave no company; status prospect, its
// phone, e-mail and tax id, the owner), and with a company, its contact person as a `contact`
// ("intent/<id>/contact"); the intent then names that party. A purchase writes an `opportunity`
// ("intent/<id>": the customer, stage intent, the estimated amount and currency, the owner, the lead it came
// from) and links it. Then the intent takes the outcome's status, owner, opportunity or reason, followed_up_at
// now and followed_up_by, and "intent.<outcome>" is appended (purchased and suggested for those outcomes).
// nullopt when there is no intent `id`. Errors: InvalidArgument for a missing owner or reason, NotFound for an
// owner who is no employee (both the caller's fault: store_fault.hpp); the writers' and the driver's Status.
sdk::Result<std::optional<FollowedUpIntent>> FollowUpIntent(odbc::Connection& connection, const odbc::OutboxTurn& turn,
                                                            std::int64_t id, const IntentFollowUp& follow_up);

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_INTENT_FOLLOW_UP_HPP_
