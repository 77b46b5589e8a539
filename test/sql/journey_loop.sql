--
-- Closing the loop: comment themes (full-text search over the French
-- comments of the garden-centre survey, checked against ts_stat), the
-- follow-up queue, one customer's timeline (in time order, read through the
-- customer_id indexes), and the documentation of every object of the model.
--
CREATE SCHEMA journey_loop;
SET search_path = journey_loop, public;
SET extra_float_digits = 0;
SET DateStyle = 'ISO, YMD';
SET TIME ZONE 'UTC';
\i test/journey-load.sql
UPDATE cjkpi.settings SET text_search_config = 'french';
CALL cjkpi.refresh();

-- the five most used terms per category
SELECT category, rank, term, responses, round(share, 2) AS share
FROM cjkpi.comment_themes WHERE touchpoint = 'store' AND rank <= 5 ORDER BY category, rank, term;
-- every term's count equals ts_stat's ndoc (documents containing the word) over the raw comments
CREATE TABLE themes_raw AS
SELECT c.category, s.word AS term, s.ndoc AS responses
FROM unnest(ARRAY['promoter', 'passive', 'detractor']) c(category),
     ts_stat(format($q$SELECT to_tsvector('french', comment) FROM cjkpi.responses
                       WHERE metric = 'nps' AND comment <> '' AND %s$q$,
                    CASE c.category WHEN 'promoter' THEN 'score >= 9' WHEN 'passive' THEN 'score IN (7, 8)'
                                    ELSE 'score <= 6' END)) s
WHERE s.ndoc >= 5;
SELECT count(*) AS themes, count(*) FILTER (WHERE r.responses = t.responses) AS equal,
       (SELECT count(*) FROM themes_raw) AS raw_themes
FROM cjkpi.comment_themes t JOIN themes_raw r USING (category, term);

-- the follow-up queue: detractors and bottom-two-box CSAT answers without a follow-up, oldest first
SELECT count(*) AS queued,
       count(*) = (SELECT count(*) FROM cjkpi.responses WHERE (metric = 'nps' AND score <= 6)
                                                        OR (metric = 'csat' AND score <= 2)) AS all_unanswered
FROM cjkpi.follow_up_queue;
INSERT INTO cjkpi.follow_ups (response, contacted_at, channel, note)
SELECT response_id, answered_at + interval '2 days', 'phone', 'called back'
FROM cjkpi.follow_up_queue ORDER BY answered_at, response_id LIMIT 100;
SELECT count(*) AS queued_after_100_calls FROM cjkpi.follow_up_queue;
SELECT bool_and(answered_at >= prev) AS oldest_first
FROM (SELECT answered_at, lag(answered_at) OVER () AS prev FROM cjkpi.follow_up_queue) q;
SELECT customer_id, metric, score, answered_at FROM cjkpi.follow_up_queue LIMIT 3;
-- a follow-up must name a response
INSERT INTO cjkpi.follow_ups (response, channel) VALUES (-1, 'email');

-- one customer's timeline: the clickstream user_0001 also answered a survey and was called
INSERT INTO cjkpi.responses (customer_id, touchpoint, metric, score, answered_at, comment)
VALUES ('user_0001', 'purchase', 'nps', 4, '2024-03-20 12:00+00', 'livraison trop lente');
INSERT INTO cjkpi.follow_ups (response, contacted_at, channel, note)
SELECT response_id, '2024-03-21 09:00+00', 'email', 'voucher sent' FROM cjkpi.responses WHERE customer_id = 'user_0001';
SELECT kind, count(*) FROM cjkpi.customer_timeline WHERE customer_id = 'user_0001' GROUP BY 1 ORDER BY 1;
SELECT count(*) = (SELECT count(*) FROM cjkpi.events WHERE customer_id = 'user_0001') + 2 AS complete,
       bool_and(at >= prev) AS in_time_order
FROM (SELECT at, lag(at) OVER () AS prev FROM cjkpi.customer_timeline WHERE customer_id = 'user_0001') t;
SELECT at, kind, touchpoint, stage, regexp_replace(detail, 'response \d+', 'response N') AS detail FROM cjkpi.customer_timeline
WHERE customer_id = 'user_0001' AND at BETWEEN '2024-03-20' AND '2024-03-22' ORDER BY at, kind;
-- readable through the indexes on customer_id (scans of the facts disabled: a
-- missing index would still show as a Seq Scan)
CREATE FUNCTION plan_of(q text) RETURNS SETOF text LANGUAGE plpgsql AS $$
BEGIN
    RETURN QUERY EXECUTE 'EXPLAIN (COSTS OFF) ' || q;
END $$;
SET enable_bitmapscan = off;
SET enable_seqscan = off;
SELECT count(*) FILTER (WHERE plan ~ 'Index Scan using (events_customer|responses_customer)') AS index_scans,
       count(*) FILTER (WHERE plan ~ 'Seq Scan on (events|responses)') AS fact_seq_scans
FROM plan_of($$SELECT * FROM cjkpi.customer_timeline WHERE customer_id = 'user_0001'$$) plan;
RESET enable_bitmapscan;
RESET enable_seqscan;

-- every table, view, column and function of the model is documented, and
-- every PL/pgSQL function pins its search_path
SELECT c.relname, a.attname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.relnamespace = 'cjkpi'::regnamespace AND c.relkind IN ('r', 'v') AND col_description(c.oid, a.attnum) IS NULL;
SELECT c.relname FROM pg_class c
WHERE c.relnamespace = 'cjkpi'::regnamespace AND c.relkind IN ('r', 'v', 'S') AND obj_description(c.oid, 'pg_class') IS NULL;
SELECT p.oid::regprocedure FROM pg_proc p
WHERE p.pronamespace = 'cjkpi'::regnamespace
  AND (obj_description(p.oid, 'pg_proc') IS NULL
       OR p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'plpgsql')
          AND NOT coalesce(p.proconfig @> ARRAY['search_path=pg_catalog, pg_temp'], false));
SELECT c.relname AS view FROM pg_class c WHERE c.relnamespace = 'cjkpi'::regnamespace AND c.relkind = 'v' ORDER BY 1;

-- clean up for the next tests
RESET search_path;
TRUNCATE cjkpi.responses, cjkpi.events, cjkpi.follow_ups;
DELETE FROM cjkpi.touchpoints;
UPDATE cjkpi.settings SET text_search_config = 'simple';
UPDATE cjkpi.settings SET is_seed = true;
CALL cjkpi.refresh();
TRUNCATE cjkpi.refresh_log;
DROP SCHEMA journey_loop CASCADE;
