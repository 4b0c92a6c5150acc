-- Searches as good as eBay's own: each alert searches one eBay marketplace (its currency is that
-- marketplace's), compares prices with or without shipping for a ships-to country, and has more of
-- eBay's filters. Filters eBay cannot apply are applied to the results.
alter table alert add column marketplace varchar(10) not null default 'EBAY_US';
-- Existing alerts ran on one marketplace per deployment; their currency names the closest one.
update alert set marketplace = case currency
    when 'GBP' then 'EBAY_GB' when 'EUR' then 'EBAY_DE' when 'CAD' then 'EBAY_CA'
    when 'AUD' then 'EBAY_AU' else 'EBAY_US' end;
update alert set currency = 'USD' where marketplace = 'EBAY_US' and currency <> 'USD';
alter table alert add column price_basis varchar(5) not null default 'ITEM'
    check (price_basis in ('ITEM', 'TOTAL'));
alter table alert add column ship_to_country varchar(2);
alter table alert add column ship_to_postal_code varchar(12);
alter table alert add constraint alert_postal_code_needs_country
    check (ship_to_postal_code is null or ship_to_country is not null);
alter table alert add column free_shipping_only boolean not null default false;
alter table alert add column returns_accepted boolean not null default false;
alter table alert add column item_location_country varchar(2);
-- Space-separated lists, like exclude_words: ids are digits, eBay user names have no spaces.
alter table alert add column category_ids varchar(200) not null default '';
alter table alert add column excluded_category_ids varchar(400) not null default '';
alter table alert add column sellers varchar(1400) not null default '';
alter table alert add column excluded_sellers varchar(3400) not null default '';
alter table alert add column min_seller_feedback_score integer
    check (min_seller_feedback_score >= 0);
alter table alert add column min_seller_feedback_percent numeric(5, 2)
    check (min_seller_feedback_percent between 0 and 100);
alter table alert add column min_bids integer check (min_bids >= 0);
alter table alert add column max_bids integer check (max_bids >= 0);
alter table alert add constraint alert_bid_range
    check (min_bids is null or max_bids is null or min_bids <= max_bids);

-- What was told, in the seller's own currency and on the alert's price basis: a drop is the
-- seller's price falling, never an exchange rate moving.
alter table alert_listing add column seller_amount numeric(12, 2);
alter table alert_listing add column seller_currency varchar(3);
