// The customer entities: parties (organizations and persons), the people at customer organizations, and
// the relationships between those people.
#include "model/catalog_groups.hpp"

namespace hub::model::internal {
namespace {

using enum FieldType;

// Field(name, type, required, storage, description[, allowed values[, reference]])[.Default…]
constexpr FieldSpec kParty[] = {
    Field("kind", kString, kRequired, Column("parties", "kind"), "What the party is.", "organization|person"),
    Field("name", kString, kRequired, Column("parties", "name"),
          "The name in its own script, e.g. 华为技术有限公司 or 张伟."),
    Field("name_latin", kString, kOptional, Column("parties", "name_latin"),
          "The name in Latin script: English name or pinyin."),
    Field("short_name", kString, kOptional, Column("parties", "short_name"), "The short name in common use (简称)."),
    Field("family_name", kString, kOptional, Column("parties", "family_name"), "A person's family name (姓)."),
    Field("given_name", kString, kOptional, Column("parties", "given_name"), "A person's given name (名)."),
    Field("birth_date", kDate, kOptional, Column("parties", "birth_date"), "A person's date of birth."),
    Field("grade", kString, kOptional, Column("parties", "grade"), "Customer grade by value.", "A|B|C"),
    Field("tier", kString, kOptional, Column("parties", "tier"), "Level in the customer pyramid.", "base|middle|top"),
    Field("classification", kString, kOptional, Column("parties", "classification"),
          "Customer classification code, e.g. key_account, distributor, end_customer."),
    Field("industry", kString, kOptional, Column("parties", "industry"), "Industry code or name."),
    Field("region", kString, kOptional, Column("parties", "region"), "Sales region, e.g. East China."),
    Field("status", kString, kOptional, Column("parties", "status"), "Lifecycle status (default active).",
          "prospect|active|inactive")
        .Default("active"),
    Field("owner_employee_number", kString, kOptional, Column("parties", "owner_employee_id"), "The account owner.", "",
          "employee.employee_number"),
    Field("uscc", kString, kOptional, Rows("party_identifiers").Note("scheme uscc"),
          "Unified social credit code (统一社会信用代码), 18 characters; one whose check character is wrong is "
          "flagged in data_quality, not stored as an identifier."),
    Field("business_registration", kString, kOptional, Rows("party_identifiers").Note("scheme business_registration"),
          "Business registration number (工商注册号) or company number."),
    Field("tax_id", kString, kOptional, Rows("party_identifiers").Note("scheme tax_number"),
          "Tax number (纳税人识别号)."),
    Field("vat", kString, kOptional, Rows("party_identifiers").Note("scheme vat"), "VAT identification number."),
    Field("duns", kString, kOptional, Rows("party_identifiers").Note("scheme duns"),
          "Dun & Bradstreet D-U-N-S number, 9 digits (else flagged in data_quality)."),
    Field("identifier_country", kString, kOptional, Column("party_identifiers", "country"),
          "ISO 3166-1 alpha-2 country that issued the identifiers above (default: country).")
        .DefaultFrom("country"),
    Field("phone", kString, kOptional, Rows("phones").Note("kind landline"),
          "Landline number in any common form; a Chinese mobile number here is stored as kind mobile."),
    Field("mobile", kString, kOptional, Rows("phones").Note("kind mobile"),
          "Mobile number in any common form; a Chinese landline number here is stored as kind landline."),
    Field("fax", kString, kOptional, Rows("phones").Note("kind fax"), "Fax number in any common form."),
    Field("email", kString, kOptional, Column("emails", "address"), "E-mail address."),
    Field("website", kString, kOptional, Column("websites", "url"), "Web site URL or bare host name."),
    Field("address_kind", kString, kOptional, Column("addresses", "kind"), "What the address is for (default office).",
          "registered|office|billing|shipping|home|other")
        .Default("office"),
    Field("address_line", kString, kOptional, Column("addresses", "line1"),
          "Street address, or the whole address as one line."),
    Field("address_line2", kString, kOptional, Column("addresses", "line2"), "Building, floor, room."),
    Field("district", kString, kOptional, Column("addresses", "district"), "District or county (区/县)."),
    Field("city", kString, kOptional, Column("addresses", "city"), "City."),
    Field("province", kString, kOptional, Column("addresses", "province"), "Province, state or region (省)."),
    Field("postal_code", kString, kOptional, Column("addresses", "postal_code"), "Postal code."),
    Field("country", kString, kOptional, Column("parties", "country").AlsoIn("addresses.country"),
          "ISO 3166-1 alpha-2 country code."),
    Field("same_as_source_id", kString, kOptional,
          TextAndId("source_links", "same_as_source_id", "record_id").Note("system in same_as_system"),
          "The same customer's id in another system (give it system=): the record joins that party rather than "
          "making a new one, whichever of the two arrives first.",
          "", "party.source_id"),
};

constexpr FieldSpec kContact[] = {
    Field("organization_source_id", kString, kRequired, Column("contacts", "organization_party_id"),
          "The organization the person works at.", "", "party.source_id"),
    Field("name", kString, kRequired, Column("parties", "name").Note("the person"),
          "The person's full name in its own script."),
    Field("name_latin", kString, kOptional, Column("parties", "name_latin").Note("the person"),
          "The name in Latin script."),
    Field("family_name", kString, kOptional, Column("parties", "family_name").Note("the person"), "Family name (姓)."),
    Field("given_name", kString, kOptional, Column("parties", "given_name").Note("the person"), "Given name (名)."),
    Field("birthday", kDate, kOptional, Column("parties", "birth_date").Note("the person"), "Date of birth."),
    Field("decision_role", kString, kOptional, Column("contacts", "decision_role"),
          "Role in the customer's decision chain.", "decision_maker|influencer|user|gatekeeper|champion|other"),
    Field("title", kString, kOptional, Column("contacts", "title"), "Job title."),
    Field("department", kString, kOptional, Column("contacts", "department"), "Department."),
    Field("preferences", kString, kOptional, Column("contacts", "preferences").Json(),
          "A JSON object of preferences ({\"channel\":\"wechat\"}); plain text is kept as {\"note\": text}."),
    Field("is_primary", kBool, kOptional, Column("contacts", "is_primary"),
          "The organization's main contact (default false).")
        .Default("false"),
    Field("status", kString, kOptional, Column("contacts", "status"),
          "Whether the person still works there (default active).", "active|left")
        .Default("active"),
    Field("phone", kString, kOptional, Rows("phones").Note("kind landline, the person"), "Office phone."),
    Field("mobile", kString, kOptional, Rows("phones").Note("kind mobile, the person"), "Mobile phone."),
    Field("email", kString, kOptional, Column("emails", "address").Note("the person"), "E-mail address."),
};

constexpr FieldSpec kContactRelationship[] = {
    Field("from_contact_source_id", kString, kRequired, Column("contact_relationships", "from_contact_id"),
          "The contact the relationship starts from.", "", "contact.source_id"),
    Field("to_contact_source_id", kString, kRequired, Column("contact_relationships", "to_contact_id"),
          "The contact it points at.", "", "contact.source_id"),
    Field("kind", kString, kRequired, Column("contact_relationships", "kind"), "How they are related (from → to).",
          "reports_to|works_with|family|friend|rival|former_colleague|other"),
    Field("note", kString, kOptional, Column("contact_relationships", "note"), "Free text."),
};

constexpr EntitySpec kEntities[] = {
    {"party", "parties", "A customer or prospect: an organization or a person, with its identifiers and channels.",
     kParty, kNoNaturalKey, kHasUpdatedAt},
    {"contact", "contacts",
     "A person at a customer organization, with their role in its decision chain (the person is a party).", kContact,
     kNoNaturalKey, kHasUpdatedAt},
    {"contact_relationship", "contact_relationships", "How two contacts relate to each other.", kContactRelationship,
     kNoNaturalKey, kNoUpdatedAt},
};

}  // namespace

std::span<const EntitySpec> PartyEntities() { return kEntities; }

}  // namespace hub::model::internal
