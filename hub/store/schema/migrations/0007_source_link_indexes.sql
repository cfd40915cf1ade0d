-- The sync engine replaces what one source contributed to a party (its identifiers, phones, e-mail, web
-- sites and addresses) by source link: index that path, or each update scans the whole table.

CREATE INDEX ix_party_identifiers_source_link ON party_identifiers (source_link_id);
CREATE INDEX ix_addresses_source_link ON addresses (source_link_id);
CREATE INDEX ix_phones_source_link ON phones (source_link_id);
CREATE INDEX ix_emails_source_link ON emails (source_link_id);
CREATE INDEX ix_websites_source_link ON websites (source_link_id);
