/* 85_journey_loop.sql: comment themes, the follow-up queue, one customer's timeline */

/*
 * Terms of NPS comments per touchpoint and category, from full-text search
 * in the configured text-search configuration (stemmed lexemes, stop words
 * dropped).  Terms used by fewer than min_responses_display responses are
 * left out, like small KPI cells.  Comments have no rollup: this reads the
 * responses.
 */
CREATE VIEW cjkpi.comment_themes AS
WITH c AS (
    SELECT r.touchpoint, r.response_id,
           CASE WHEN r.score >= 9 THEN 'promoter' WHEN r.score >= 7 THEN 'passive' ELSE 'detractor' END AS category,
           pg_catalog.to_tsvector(cfg.text_search_config, r.comment) AS doc
    FROM cjkpi.responses r CROSS JOIN cjkpi.settings cfg
    WHERE r.metric = 'nps' AND r.score IS NOT NULL AND r.comment IS NOT NULL AND r.comment <> ''
), totals AS (
    SELECT c.touchpoint, c.category, count(*) AS commented FROM c GROUP BY 1, 2
)
SELECT t.touchpoint, t.category, t.term, t.responses,
       100.0 * t.responses / totals.commented AS share,
       pg_catalog.rank() OVER (PARTITION BY t.touchpoint, t.category ORDER BY t.responses DESC) AS rank
FROM (SELECT c.touchpoint, c.category, l.lexeme AS term, count(*) AS responses
      FROM c CROSS JOIN LATERAL pg_catalog.unnest(c.doc) l
      GROUP BY 1, 2, 3) t
JOIN totals USING (touchpoint, category)
CROSS JOIN cjkpi.settings cfg
WHERE t.responses >= cfg.min_responses_display;
COMMENT ON VIEW cjkpi.comment_themes IS
    'Most used terms of NPS comments per touchpoint and category (promoter, passive, detractor), by full-text search';

/*
 * Detractors (NPS 0-6), dissatisfied CSAT answers (the bottom two boxes)
 * and CES answers below the midpoint of the scale that nobody has followed
 * up yet, oldest first.
 */
CREATE VIEW cjkpi.follow_up_queue AS
SELECT r.response_id, r.customer_id, r.touchpoint, t.stage, r.metric, r.score, r.scale, r.answered_at,
       r.segment, r.comment, pg_catalog.now() - r.answered_at AS waiting
FROM cjkpi.responses r
JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
WHERE CASE r.metric WHEN 'nps' THEN r.score <= 6
                    WHEN 'csat' THEN r.score <= 2
                    ELSE 2 * r.score < 1 + coalesce(r.scale, 7) END
  AND NOT EXISTS (SELECT 1 FROM cjkpi.follow_ups f WHERE f.response = r.response_id)
ORDER BY r.answered_at, r.response_id;
COMMENT ON VIEW cjkpi.follow_up_queue IS
    'Detractors and dissatisfied answers not yet followed up (no row in cjkpi.follow_ups), oldest first';

CREATE VIEW cjkpi.customer_timeline AS
SELECT e.customer_id, e.occurred_at AS at, 'event'::text AS kind, e.touchpoint, t.stage,
       e.event || coalesce(' (session ' || e.session_id || ')', '') AS detail
FROM cjkpi.events e JOIN cjkpi.touchpoints t ON t.touchpoint = e.touchpoint
UNION ALL
SELECT r.customer_id, r.answered_at, 'response', r.touchpoint, t.stage,
       r.metric || ' ' || coalesce(r.score::text, 'unanswered') || coalesce(': ' || r.comment, '')
FROM cjkpi.responses r JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
UNION ALL
SELECT r.customer_id, f.contacted_at, 'follow_up', r.touchpoint, t.stage,
       'follow-up of response ' || r.response_id || coalesce(' by ' || f.channel, '') || coalesce(': ' || f.note, '')
FROM cjkpi.follow_ups f JOIN cjkpi.responses r ON r.response_id = f.response
JOIN cjkpi.touchpoints t ON t.touchpoint = r.touchpoint
ORDER BY 1, 2, 3;
COMMENT ON VIEW cjkpi.customer_timeline IS
    'One customer''s journey: events, survey responses and follow-ups in time order (filter on customer_id: indexed)';
