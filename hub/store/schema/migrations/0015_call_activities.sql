-- What a call center's calls bring to an activity (the call_center connector): the customer's number as the
-- PBX wrote it and in E.164 (the catalog derives it), indexed for linking calls to parties by phone, and our
-- agent's extension. Columns are added nullable, so existing activities stay as they are.

ALTER TABLE activities ADD COLUMN phone TEXT;
ALTER TABLE activities ADD COLUMN phone_e164 TEXT;
ALTER TABLE activities ADD COLUMN agent_extension TEXT;
CREATE INDEX ix_activities_phone ON activities (phone_e164);
