-- Names and descriptions per language (the contract's `names` and `descriptions`, objects of BCP 47
-- tag → text), next to the plain `name` and `description`; NULL when the data gives none.
ALTER TABLE catalog ADD COLUMN names jsonb, ADD COLUMN descriptions jsonb;
ALTER TABLE power_pack_services ADD COLUMN names jsonb;
