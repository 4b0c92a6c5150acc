-- An alert searches one eBay marketplace, and insights never mix marketplaces: an alert moved from
-- EBAY_DE to EBAY_FR (both in EUR) must not blend German and French prices. The alert copy holds
-- the alert's current marketplace, each observation the one it was fetched on, and insights count
-- only the observations of the alert's current one. Rows from before get EBAY_US: until now every
-- alert searched eBay US.
--
-- Cost on a large price_observation: none that grows with the table. Since PostgreSQL 11 adding a
-- column with a constant default, NOT NULL or not, is a metadata-only change: the default is stored
-- once in the catalog and read for the rows that predate it, so no row is rewritten (before 11 this
-- rewrote the whole table under its lock). Nullable columns without a default never rewrote it. The
-- ACCESS EXCLUSIVE lock is held for milliseconds; it only waits for the statements running at that
-- moment (ingest batches and insight queries, each under a second).
alter table alert_copy add column marketplace varchar(10) not null default 'EBAY_US';

alter table price_observation
    add column marketplace   varchar(10) not null default 'EBAY_US',
    -- the cheapest shipping to the buyer in the listing's currency, from the same fetch; null when
    -- unknown, which never means free (free is 0.00)
    add column shipping_cost numeric(12, 2),
    add column shipping_type varchar(20);
