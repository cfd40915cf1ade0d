// The person behind a contact: a `parties` row of kind person, with the phones and e-mail addresses the
// contact record gives, so that matching and lead checks find the person like any other party.
#ifndef HUB_STORE_MODEL_CONTACT_PERSON_HPP_
#define HUB_STORE_MODEL_CONTACT_PERSON_HPP_

#include <cstdint>
#include <optional>

#include "hub/odbc/connection.hpp"
#include "store/model/entity_extension.hpp"

namespace hub::store_model {

// Before a new contacts row: inserts the person (name, name_latin, family_name, given_name, birthday as
// birth_date; name_normalized) and adds person_party_id to the row. Before an update: updates the
// person's mapped fields. After either: replaces the phones and e-mail addresses that this contact's
// source link gave the person, and the data-quality flags of those values (ChannelRows: phone and mobile
// by the number's type, email). Threads: as the connection.
// Lifetime: the batch.
class ContactPerson : public EntityExtension {
 public:
  explicit ContactPerson(odbc::Connection& connection) : connection_(connection) {}

  sdk::Status BeforeRow(const model::MappedRecord& record, std::optional<std::int64_t> row_id, RowValues& row) override;
  sdk::Status AfterRow(const model::MappedRecord& record, std::int64_t row_id, std::int64_t link_id,
                       bool shared_row) override;

 private:
  sdk::Result<std::int64_t> InsertPerson(const model::MappedRecord& record);
  sdk::Result<std::int64_t> UpdatePerson(const model::MappedRecord& record, std::int64_t contact_id);

  odbc::Connection& connection_;
  std::int64_t person_id_ = 0;  // of the record between BeforeRow and AfterRow
};

}  // namespace hub::store_model

#endif  // HUB_STORE_MODEL_CONTACT_PERSON_HPP_
