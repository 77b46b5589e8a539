-- The demo's HTML report: the ecom clickstream funnel as funnel_svg and the
-- most frequent journey paths, in one standalone HTML page (no script).
-- Run with psql -At -v out=FILE -f test/demo-report.sql from the top
-- directory, in a database with the extension.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
SET TIME ZONE 'UTC';
CREATE TEMP TABLE ecom(user_id text, session_id text, event text, ts timestamp, platform text,
                       acquisition_channel text, user_cohort text, user_lifecycle text);
\copy ecom FROM PROGRAM 'gzip -dc test/data/ecom-clickstream/ecom.csv.gz' (FORMAT csv, HEADER)
CREATE TEMP TABLE steps(k int, event text, label text);
INSERT INTO steps VALUES (1, 'product_view', 'Product view'), (2, 'add_to_cart', 'Add to cart'),
  (3, 'shipping_details', 'Shipping details'), (4, 'payment_details', 'Payment details'), (5, 'purchase', 'Purchase');
CREATE TEMP TABLE per_session AS
SELECT session_id,
       window_funnel_events(interval '1 hour', ts, event,
                            'product_view', 'add_to_cart', 'shipping_details', 'payment_details', 'purchase') AS level,
       journey_path(ts, event, 4) AS path
FROM ecom GROUP BY session_id;
\o :out
SELECT '<!DOCTYPE html>' || E'\n'
    || '<html lang="en"><head><meta charset="utf-8"><title>cjkpi demo report</title>'
    || '<style>body{font-family:"DejaVu Sans",Arial,sans-serif;margin:24px;color:#222}'
    || 'table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}'
    || 'td.n{text-align:right}</style></head><body>'
    || '<h1>Customer journey report</h1>'
    || '<p>Ecom clickstream (test/data/ecom-clickstream): ' || (SELECT count(*) FROM ecom) || ' events in '
    || (SELECT count(*) FROM per_session) || ' sessions. Funnel per session within one hour '
    || '(window_funnel_events), with Wilson 95% intervals.</p>'
    || (SELECT funnel_svg(funnel_agg(level, 5), (SELECT array_agg(label ORDER BY k) FROM steps)) FROM per_session)
    || '<h2>Most frequent journeys (first four steps, repeats collapsed)</h2>'
    || '<table><tr><th>Journey</th><th>Sessions</th><th>Share</th></tr>'
    || (SELECT string_agg('<tr><td>' || svg_escape(array_to_string(path, ' → ')) || '</td><td class="n">' || n
                          || '</td><td class="n">' || round(100.0 * n / total, 1) || '%</td></tr>', '' ORDER BY n DESC, path)
        FROM (SELECT path, count(*) AS n, sum(count(*)) OVER () AS total FROM per_session GROUP BY path
              ORDER BY count(*) DESC, path LIMIT 8) top)
    || '</table></body></html>';
\o
