-- Third step of the partitioning (V10): proves V8's bound for every stored row. VALIDATE reads the
-- whole table but holds only a SHARE UPDATE EXCLUSIVE lock, which lets inserts and reads go on (a
-- plain ADD CONSTRAINT would have read it under an exclusive lock). Its own migration, so its own
-- transaction: in V8's, the exclusive lock taken by ADD CONSTRAINT would be held for the whole read.
alter table price_observation validate constraint price_observation_legacy_bound;
