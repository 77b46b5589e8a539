-- funnel_svg: a standalone SVG (well-formed XML, no script) whose figures are
-- those of the summary, checked against counts computed by hand:
-- levels {0,1,1,2,2,2,3,3,3,3}: 10 entities, reached 9, 7, 4;
-- conversion 100 %, 7/9 = 77.8 %, 4/9 = 44.4 %; entry 9/10 = 90.0 %,
-- step conversion 7/9 = 77.8 %, 4/7 = 57.1 %.
CREATE SCHEMA funnel_svg;
SET search_path = funnel_svg, public;
CREATE TABLE s AS
SELECT funnel_agg(l, 3) AS f FROM unnest('{0,1,1,2,2,2,3,3,3,3}'::int[]) l;
CREATE TABLE pic AS
SELECT funnel_svg(f, ARRAY['View <product>', 'Cart & "save"', '<script>alert(1)</script>']) AS svg FROM s;
SELECT xml_is_well_formed_document(svg) AS well_formed,
       position('<script' IN svg) = 0 AS no_script_element,
       position('&lt;script&gt;alert(1)&lt;/script&gt;' IN svg) > 0 AS label_escaped,
       position('Cart &amp; &quot;save&quot;' IN svg) > 0 AS quotes_escaped,
       (SELECT count(*) FROM regexp_matches(svg, '<g>', 'g')) AS step_groups,
       position('Funnel: 10 entities, 9 reached step 1' IN svg) > 0 AS title,
       position('>9 (100.0%)<' IN svg) > 0 AS step1,
       position('>7 (77.8%)<' IN svg) > 0 AS step2,
       position('>4 (44.4%)<' IN svg) > 0 AS step3,
       position('entry 90.0%' IN svg) > 0 AS entry,
       position('from step 2: 57.1%' IN svg) > 0 AS step_conversion_3
FROM pic;
-- the bars are 560 px for 100 %: 560, 435.6 (7/9), 248.9 (4/9)
SELECT (regexp_matches(svg, 'fill="#eeeeee"/><rect x="20" y="[0-9]+" width="([0-9.]+)"', 'g'))[1] AS bar_width FROM pic;
-- the root element, its namespace and size
SELECT (xpath('/s:svg/@width', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1]::text AS width,
       (xpath('/s:svg/@height', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]))[1]::text AS height,
       array_length(xpath('//s:text', svg::xml, ARRAY[ARRAY['s', 'http://www.w3.org/2000/svg']]), 1) AS texts
FROM pic;
-- missing labels read "Step k"; a funnel nobody entered gives a valid picture
-- (conversions are NULL: shown as "-"); a NULL summary gives NULL
SELECT position('2. Step 2' IN funnel_svg(f, ARRAY['only one'])) > 0 AS default_label FROM s;
SELECT xml_is_well_formed_document(funnel_svg(funnel_agg(l, 2), '{}')) AS nobody_entered_ok,
       position('>0 (-)<' IN funnel_svg(funnel_agg(l, 2), '{}')) > 0 AS shows_dash
FROM unnest('{0,0}'::int[]) l;
SELECT funnel_svg(NULL, '{}') IS NULL AS null_in_null_out;
DROP SCHEMA funnel_svg CASCADE;
