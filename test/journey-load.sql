-- Loads the bundled sample data into the journey model (used by test/demo and
-- the journey_* regression tests; run from the top of the repository).
--
-- Garden-centre survey (test/data/nps-garden-centre, CC0): one touchpoint
-- "store" in stage conversion.  Its time bucket t (0..17) is taken as a
-- month, t = 0 being January 2023, and each answer is put on day
-- 1 + id % 28 of its month at 12:00 UTC, so that day, week and month trends
-- exist.  nps -> metric nps (0..10), satisfaction (1..10) -> metric csat on
-- scale 10, explication -> comment, NbPassageKS -> segment (occasional 1-3
-- visits, regular 4-10, frequent 11+), id -> customer gc-<id>.  The 18
-- answers without a time bucket are left out (the model refuses rows
-- without a time) and so are unanswered scores (NA).
--
-- E-commerce clickstream (test/data/ecom-clickstream, Apache-2.0): every
-- event type is a touchpoint of channel web; stages: awareness = home,
-- promo_page, search, catalog, filter_results; engagement = product_view,
-- compare, wishlist_add, review_page, add_to_cart, cart, shipping_details,
-- payment_details, payment_error, checkout_bug, error_page; conversion =
-- purchase; retention = account_page, support_chat.  platform -> segment,
-- timestamps are UTC.
SET client_min_messages = warning;
INSERT INTO cjkpi.touchpoints VALUES ('store', 'conversion', 'store');
INSERT INTO cjkpi.touchpoints
SELECT t, s, 'web'
FROM (VALUES ('home', 'awareness'), ('promo_page', 'awareness'), ('search', 'awareness'),
             ('catalog', 'awareness'), ('filter_results', 'awareness'),
             ('product_view', 'engagement'), ('compare', 'engagement'), ('wishlist_add', 'engagement'),
             ('review_page', 'engagement'), ('add_to_cart', 'engagement'), ('cart', 'engagement'),
             ('shipping_details', 'engagement'), ('payment_details', 'engagement'),
             ('payment_error', 'engagement'), ('checkout_bug', 'engagement'), ('error_page', 'engagement'),
             ('purchase', 'conversion'), ('account_page', 'retention'), ('support_chat', 'retention')) m(t, s);

CREATE TEMP TABLE gc_raw (rownum int, id int, nps int, satisfaction int, intention int, explication text,
                          visits int, basket numeric, t int);
\copy gc_raw FROM 'test/data/nps-garden-centre/nps.csv' WITH (FORMAT csv, HEADER true, NULL 'NA', ENCODING 'LATIN1')
CREATE TEMP TABLE gc AS
SELECT 'gc-' || id AS customer_id,
       (timestamp '2023-01-01 12:00' + t * interval '1 month' + (id % 28) * interval '1 day') AT TIME ZONE 'UTC' AS answered_at,
       CASE WHEN visits <= 3 THEN 'occasional' WHEN visits <= 10 THEN 'regular' ELSE 'frequent' END AS segment,
       nps, satisfaction, explication
FROM gc_raw WHERE t IS NOT NULL;
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, scale, answered_at, segment, comment)
SELECT customer_id, 'store', 'nps', nps, NULL, answered_at, segment, explication FROM gc WHERE nps IS NOT NULL
UNION ALL
SELECT customer_id, 'store', 'csat', satisfaction, 10, answered_at, segment, NULL FROM gc WHERE satisfaction IS NOT NULL;

CREATE TEMP TABLE ecom_raw (user_id text, session_id text, event text, ts timestamp, platform text,
                            acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom_raw FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' WITH (FORMAT csv, HEADER true)
INSERT INTO cjkpi.events (customer_id, session_id, event, touchpoint, occurred_at, segment)
SELECT user_id, session_id, event, event, ts AT TIME ZONE 'UTC', platform FROM ecom_raw;
RESET client_min_messages;
