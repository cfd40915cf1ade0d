-- The classification of every new lead (issue 12): its tier, grade and score are columns of leads since 0004;
-- here the reasons (each rule that fired and its effect) and the sales director's review of a top-tier lead.
-- The indexes answer the classification's question whether any customer is in a lead's industry or province.

ALTER TABLE leads ADD COLUMN classification {{json}};
ALTER TABLE leads ADD COLUMN review TEXT;
ALTER TABLE leads ADD COLUMN review_state TEXT CHECK (review_state IN ('pending', 'approved', 'rejected'));
CREATE INDEX ix_leads_review ON leads (review_state, review);
CREATE INDEX ix_parties_industry ON parties (industry, status);
CREATE INDEX ix_addresses_province ON addresses (province, party_id);
