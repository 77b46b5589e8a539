-- Funnel summaries that roll up over time: the entry-cohort recipe of the
-- README on the bundled clickstream (test/data/ecom-clickstream, Apache-2.0).
-- A customer's journey spans days, so summaries of per-day funnels do not
-- add up to a month; summaries of customers bucketed by the day they entered
-- the counted chain (window_funnel_start) do, because every customer is
-- counted once, in one bucket.
CREATE SCHEMA funnel_entry_cohort;
SET search_path = funnel_entry_cohort, public;
SET TIME ZONE 'UTC';
CREATE TABLE ecom(user_id text, session_id text, event text, ts timestamp, platform text,
                  acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' (FORMAT csv, HEADER)

-- per customer over all their events: level and entry time of the counted
-- chain (product_view -> add_to_cart -> purchase within 7 days)
CREATE TABLE per_customer AS
SELECT user_id,
       window_funnel('7 days', ts, event = 'product_view', event = 'add_to_cart', event = 'purchase') AS level,
       window_funnel_start('7 days', ts, event = 'product_view', event = 'add_to_cart', event = 'purchase') AS entered
FROM ecom GROUP BY user_id;
SELECT count(*) AS customers, count(*) FILTER (WHERE level > 0) AS entered,
       count(*) FILTER (WHERE (level > 0) = (entered IS NOT NULL)) = count(*) AS entry_time_iff_level
FROM per_customer;

-- the recipe: one stored summary per entry day, as a daily job would keep it
CREATE TABLE daily AS
SELECT date_trunc('day', entered) AS day, funnel_agg(level, 3) AS s
FROM per_customer WHERE level > 0 GROUP BY 1;

-- months from the daily summaries ...
CREATE TABLE monthly_rollup AS
SELECT date_trunc('month', day) AS month, rollup(s) AS s FROM daily GROUP BY 1;
-- ... equal the months computed directly from the raw events, step by step
-- (reached at least k, counted in plain SQL from the per-customer levels)
SELECT r.month, reached(r.s, 1) AS reached_1, reached(r.s, 2) AS reached_2, reached(r.s, 3) AS reached_3,
       reached(r.s, 1) = d.r1 AND reached(r.s, 2) = d.r2 AND reached(r.s, 3) = d.r3 AS equals_raw
FROM monthly_rollup r
JOIN (SELECT date_trunc('month', entered) AS month, count(*) AS r1,
             count(*) FILTER (WHERE level >= 2) AS r2, count(*) FILTER (WHERE level >= 3) AS r3
      FROM per_customer WHERE level > 0 GROUP BY 1) d USING (month)
ORDER BY 1;
SELECT count(*) AS months, (SELECT count(DISTINCT date_trunc('month', entered)) FROM per_customer) AS raw_months
FROM monthly_rollup;
-- and the whole period equals the funnel over all customers
SELECT rollup(s)::text = (SELECT funnel_agg(level, 3) FROM per_customer WHERE level > 0)::text AS whole_period_equal
FROM daily;

-- the trap the recipe avoids: funnels of each day's events, rolled up to a
-- month, cut journeys that span days apart and count customers once per day
CREATE TABLE per_day AS
SELECT date_trunc('day', ts) AS day, user_id,
       window_funnel('7 days', ts, event = 'product_view', event = 'add_to_cart', event = 'purchase') AS level
FROM ecom GROUP BY 1, 2;
SELECT sum(reached(s, 3)) AS converted_by_day_buckets,
       (SELECT count(*) FROM per_customer WHERE level = 3) AS converted_customers,
       sum(reached(s, 1)) AS entered_by_day_buckets,
       (SELECT count(*) FROM per_customer WHERE level > 0) AS entered_customers
FROM (SELECT funnel_agg(level, 3) AS s FROM per_day WHERE level > 0 GROUP BY date_trunc('month', day)) m;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_entry_cohort CASCADE;
RESET client_min_messages;
