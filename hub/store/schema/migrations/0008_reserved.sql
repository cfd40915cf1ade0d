-- Placeholder for another branch's migration 8 (the migrator needs contiguous numbers): drop this file
-- when that migration is merged. It changes nothing.
UPDATE sync_cursors SET cursor = cursor WHERE 1 = 0;
