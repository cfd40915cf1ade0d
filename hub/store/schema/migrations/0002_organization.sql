-- Our own organization as HR describes it: employees, the teams they work in, the territories they cover
-- and their specialities. Lead routing and ownership refer to these rows.

CREATE TABLE teams (
  id              {{id}},
  code            TEXT NOT NULL UNIQUE,
  name            TEXT NOT NULL,
  parent_team_id  BIGINT REFERENCES teams (id),
  status          TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'inactive')),
  created_at      {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at      {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE territories (
  id                   {{id}},
  code                 TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  parent_territory_id  BIGINT REFERENCES territories (id),
  country              TEXT,
  province             TEXT,
  city                 TEXT,
  industry             TEXT,
  created_at           {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at           {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_territories_region ON territories (country, province, city);

CREATE TABLE specialities (
  id           {{id}},
  code         TEXT NOT NULL UNIQUE,
  name         TEXT NOT NULL,
  description  TEXT,
  created_at   {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at   {{timestamp}} NOT NULL DEFAULT {{now}}
);

CREATE TABLE employees (
  id                   {{id}},
  employee_number      TEXT NOT NULL UNIQUE,
  name                 TEXT NOT NULL,
  name_latin           TEXT,
  email                TEXT,
  email_normalized     TEXT,
  phone                TEXT,
  phone_e164           TEXT,
  title                TEXT,
  department           TEXT,
  manager_employee_id  BIGINT REFERENCES employees (id),
  status               TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'on_leave', 'left')),
  hired_on             {{date}},
  left_on              {{date}},
  created_at           {{timestamp}} NOT NULL DEFAULT {{now}},
  updated_at           {{timestamp}} NOT NULL DEFAULT {{now}}
);
CREATE INDEX ix_employees_email ON employees (email_normalized);
CREATE INDEX ix_employees_manager ON employees (manager_employee_id);

CREATE TABLE team_members (
  team_id      BIGINT NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  employee_id  BIGINT NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  role         TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'lead', 'manager')),
  PRIMARY KEY (team_id, employee_id)
);
CREATE INDEX ix_team_members_employee ON team_members (employee_id);

CREATE TABLE employee_territories (
  employee_id   BIGINT NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  territory_id  BIGINT NOT NULL REFERENCES territories (id) ON DELETE CASCADE,
  role          TEXT NOT NULL DEFAULT 'owner' CHECK (role IN ('owner', 'backup')),
  PRIMARY KEY (employee_id, territory_id)
);
CREATE INDEX ix_employee_territories_territory ON employee_territories (territory_id);

CREATE TABLE employee_specialities (
  employee_id    BIGINT NOT NULL REFERENCES employees (id) ON DELETE CASCADE,
  speciality_id  BIGINT NOT NULL REFERENCES specialities (id) ON DELETE CASCADE,
  level          INTEGER NOT NULL DEFAULT 1 CHECK (level BETWEEN 1 AND 5),
  PRIMARY KEY (employee_id, speciality_id)
);
CREATE INDEX ix_employee_specialities_speciality ON employee_specialities (speciality_id);
