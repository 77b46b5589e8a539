/* 75_svg.sql: funnel_svg, the funnel as a standalone SVG picture (after the funnel_summary type) */

/*
 * The SVG is built from the SQL accessors of funnel_summary only (rates in
 * percent).  Numbers are
 * written through numeric, whose text form does not depend on any setting,
 * so the function is IMMUTABLE; labels are XML-escaped (& first).
 */
CREATE FUNCTION svg_escape(text)
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
SELECT pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
       $1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')
$$;
COMMENT ON FUNCTION svg_escape(text) IS
'Text escaped for XML and SVG content and attributes (& < > " and single quote as entities)';

CREATE FUNCTION funnel_svg(summary funnel_summary, labels text[])
    RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$
WITH s AS (
    SELECT f.step, f.reached, f.conversion, f.conversion_lower, f.conversion_upper,
           f.step_conversion, f.step_conversion_lower, f.step_conversion_upper,
           44 + (f.step - 1) * 64 AS y,
           @extschema@.svg_escape(COALESCE($2[f.step], 'Step ' || f.step)) AS label
    FROM @extschema@.funnel_steps($1) AS f
), n AS (
    SELECT GREATEST(@extschema@.reached($1, 1), 0) AS first,
           @extschema@.entities($1) AS entities,
           @extschema@.step_count($1) AS steps
)
SELECT '<svg xmlns="http://www.w3.org/2000/svg" width="760" height="' || (60 + n.steps * 64)
    || '" viewBox="0 0 760 ' || (60 + n.steps * 64) || '" font-family="DejaVu Sans, Arial, sans-serif" font-size="13">'
    || '<title>Funnel: ' || n.entities || ' entities, ' || n.first || ' reached step 1</title>'
    || '<rect width="760" height="' || (60 + n.steps * 64) || '" fill="#ffffff"/>'
    || '<text x="20" y="26" font-size="16" font-weight="bold" fill="#222222">Funnel: '
    || n.entities || ' entities, ' || n.first || ' reached step 1</text>'
    || COALESCE((SELECT pg_catalog.string_agg(
           '<g>'
        || '<text x="20" y="' || (s.y + 14) || '" fill="#222222">' || s.step || '. ' || s.label || '</text>'
        || '<rect x="20" y="' || (s.y + 20) || '" width="560" height="24" fill="#eeeeee"/>'
        || '<rect x="20" y="' || (s.y + 20) || '" width="'
        || pg_catalog.round((5.6 * COALESCE(s.conversion, 0))::numeric, 1)
        || '" height="24" fill="#4c78a8"/>'
        || CASE WHEN s.conversion_lower IS NULL THEN '' ELSE
              '<line x1="' || pg_catalog.round((20 + 5.6 * s.conversion_lower)::numeric, 1) || '" x2="'
           || pg_catalog.round((20 + 5.6 * s.conversion_upper)::numeric, 1) || '" y1="' || (s.y + 32)
           || '" y2="' || (s.y + 32) || '" stroke="#222222" stroke-width="2"/>' END
        || '<text x="590" y="' || (s.y + 37) || '" fill="#222222">' || s.reached || ' ('
        || COALESCE(pg_catalog.round(s.conversion::numeric, 1)::text || '%', '-') || ')</text>'
        || '<text x="740" y="' || (s.y + 14) || '" text-anchor="end" fill="#555555">'
        || CASE WHEN s.step = 1 THEN 'entry ' ELSE 'from step ' || (s.step - 1) || ': ' END
        || COALESCE(pg_catalog.round(s.step_conversion::numeric, 1)::text || '%', '-')
        || CASE WHEN s.step_conversion_lower IS NULL THEN '' ELSE
              ' [' || pg_catalog.round(s.step_conversion_lower::numeric, 1) || '–'
           || pg_catalog.round(s.step_conversion_upper::numeric, 1) || ']' END
        || '</text></g>', '' ORDER BY s.step) FROM s), '')
    || '</svg>'
FROM n
$$;
COMMENT ON FUNCTION funnel_svg(funnel_summary, text[]) IS
'The funnel as a standalone SVG (XML, no script): one bar per step with its share of step 1 and the Wilson 95% interval as a whisker, the count, and the step-to-step conversion with its interval; labels[k] names step k (escaped), missing labels read Step k';
