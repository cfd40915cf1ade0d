-- The customer model: parties (organizations and persons), how to identify and reach them, the people who
-- work at customer organizations, and the source records each party was built from. Identifier schemes
-- include the unified social credit code (统一社会信用代码, scheme uscc).

CREATE TABLE parties (
  id                 {{id}},
  kind               TEXT NOT NULL CHECK (kind IN ('organization', 'person')),
  name               TEXT NOT NULL,
  name_latin         TEXT,
  short_name         TEXT,
  family_name        TEXT,
  given_name         TEXT,
  name_normalized    TEXT NOT NULL,
  grade              TEXT CHECK (grade IN ('A', 'B', 'C')),
  tier               TEXT CHECK (tier IN ('base', 'middle', 'top')),
  classification     TEXT,
  industry           TEXT,
  region             TEXT,
  country            TEXT,
  status             TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('prospect', 'active', 'inactive', 'merged')),
  birth_date         {{date}},
  owner_employee_id  BIGINT REFERENCES employees (id),
  golden_party_id    BIGINT REFERENCES parties (id),
  merged_at          {{timestamp}},
  created_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at         {{timestamp}} NOT NULL DEFAULT {{now}},
  CHECK (golden_party_id IS NULL OR golden_party_id <> id)
);
CREATE INDEX ix_parties_name_normalized ON parties (name_normalized);
CREATE INDEX ix_parties_name_latin ON parties (name_latin);
CREATE INDEX ix_parties_golden ON parties (golden_party_id);
CREATE INDEX ix_parties_owner ON parties (owner_employee_id);

CREATE TABLE source_links (
  id             {{id}},
  source_system  TEXT NOT NULL,
  entity         TEXT NOT NULL,
  source_id      TEXT NOT NULL,
  record_id      BIGINT NOT NULL,
  party_id       BIGINT REFERENCES parties (id),
  content_hash   TEXT NOT NULL,
  first_seen_at  {{timestamp}} NOT NULL DEFAULT {{now}},
  last_seen_at   {{timestamp}} NOT NULL DEFAULT {{now}},
  deleted_at     {{timestamp}},
  UNIQUE (source_system, entity, source_id)
);
CREATE INDEX ix_source_links_record ON source_links (entity, record_id);
CREATE INDEX ix_source_links_party ON source_links (party_id);

CREATE TABLE party_identifiers (
  id                {{id}},
  party_id          BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_link_id    BIGINT REFERENCES source_links (id) ON DELETE SET NULL,
  scheme            TEXT NOT NULL,
  value             TEXT NOT NULL,
  value_normalized  TEXT NOT NULL,
  country           TEXT,
  created_at        {{timestamp}} NOT NULL DEFAULT {{now}},
  UNIQUE (party_id, scheme, value_normalized)
);
CREATE INDEX ix_party_identifiers_value ON party_identifiers (value_normalized, scheme);

CREATE TABLE addresses (
  id              {{id}},
  party_id        BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_link_id  BIGINT REFERENCES source_links (id) ON DELETE SET NULL,
  kind            TEXT NOT NULL DEFAULT 'office'
                  CHECK (kind IN ('registered', 'office', 'billing', 'shipping', 'home', 'other')),
  line1           TEXT,
  line2           TEXT,
  district        TEXT,
  city            TEXT,
  province        TEXT,
  postal_code     TEXT,
  country         TEXT,
  is_primary      {{bool}} NOT NULL DEFAULT {{false}},
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_addresses_party ON addresses (party_id);
CREATE INDEX ix_addresses_place ON addresses (country, province, city);

CREATE TABLE phones (
  id              {{id}},
  party_id        BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_link_id  BIGINT REFERENCES source_links (id) ON DELETE SET NULL,
  kind            TEXT CHECK (kind IN ('landline', 'mobile', 'fax')),
  raw             TEXT NOT NULL,
  e164            TEXT,
  extension       TEXT,
  is_primary      {{bool}} NOT NULL DEFAULT {{false}},
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_phones_e164 ON phones (e164);
CREATE INDEX ix_phones_party ON phones (party_id);

CREATE TABLE emails (
  id                  {{id}},
  party_id            BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_link_id      BIGINT REFERENCES source_links (id) ON DELETE SET NULL,
  kind                TEXT CHECK (kind IN ('work', 'personal', 'billing', 'other')),
  address             TEXT NOT NULL,
  address_normalized  TEXT NOT NULL,
  is_primary          {{bool}} NOT NULL DEFAULT {{false}},
  created_at          {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_emails_address ON emails (address_normalized);
CREATE INDEX ix_emails_party ON emails (party_id);

CREATE TABLE websites (
  id              {{id}},
  party_id        BIGINT NOT NULL REFERENCES parties (id) ON DELETE CASCADE,
  source_link_id  BIGINT REFERENCES source_links (id) ON DELETE SET NULL,
  url             TEXT NOT NULL,
  host            TEXT NOT NULL,
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_websites_host ON websites (host);
CREATE INDEX ix_websites_party ON websites (party_id);

CREATE TABLE contacts (
  id                     {{id}},
  organization_party_id  BIGINT NOT NULL REFERENCES parties (id),
  person_party_id        BIGINT NOT NULL REFERENCES parties (id),
  decision_role          TEXT,
  title                  TEXT,
  department             TEXT,
  preferences            {{json}},
  is_primary             {{bool}} NOT NULL DEFAULT {{false}},
  status                 TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'left')),
  created_at             {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at             {{timestamp}} NOT NULL DEFAULT {{now}},
  UNIQUE (organization_party_id, person_party_id)
);
CREATE INDEX ix_contacts_person ON contacts (person_party_id);

CREATE TABLE contact_relationships (
  id               {{id}},
  from_contact_id  BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  to_contact_id    BIGINT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
  kind             TEXT NOT NULL,
  note             TEXT,
  created_at       {{timestamp}} NOT NULL DEFAULT {{now}},
  UNIQUE (from_contact_id, to_contact_id, kind),
  CHECK (from_contact_id <> to_contact_id)
);
CREATE INDEX ix_contact_relationships_to ON contact_relationships (to_contact_id);
