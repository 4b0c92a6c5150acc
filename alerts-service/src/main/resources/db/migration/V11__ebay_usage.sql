-- Fair use of the eBay call budget: the calls made for each address's searches, per UTC day. A
-- call for a search several addresses share counts for each of them.
create table ebay_usage (
    email varchar(254) not null,
    day   date         not null,
    calls integer      not null,
    primary key (email, day)
);
