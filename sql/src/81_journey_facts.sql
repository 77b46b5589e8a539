/* 81_journey_facts.sql: the facts: survey responses, journey events, follow-ups */

/*
 * Bad rows are refused by constraints, not by per-row trigger code: the
 * error names the constraint and PostgreSQL's DETAIL shows the failing row's
 * values, and a COPY with one bad line loads nothing.  The scale check
 * repeats the default scales of nps_agg (0..10), csat_agg (1..5) and
 * ces_agg (1..7).
 */
CREATE SEQUENCE cjkpi.responses_response_id_seq;
COMMENT ON SEQUENCE cjkpi.responses_response_id_seq IS 'Numbers cjkpi.responses.response_id';

CREATE TABLE cjkpi.responses (
    customer_id text,
    touchpoint text NOT NULL REFERENCES cjkpi.touchpoints ON UPDATE CASCADE,
    metric text NOT NULL,
    score integer,
    scale integer,
    answered_at timestamptz NOT NULL,
    segment text,
    variant text,
    comment text,
    response_id bigint NOT NULL DEFAULT pg_catalog.nextval('cjkpi.responses_response_id_seq') PRIMARY KEY,
    CONSTRAINT responses_metric_known CHECK (metric IN ('nps', 'csat', 'ces')),
    CONSTRAINT responses_scale_valid CHECK (scale IS NULL OR (metric = 'nps' AND scale = 10)
                                            OR (metric IN ('csat', 'ces') AND scale BETWEEN 3 AND 10)),
    CONSTRAINT responses_score_on_scale CHECK (
        CASE metric WHEN 'nps' THEN score BETWEEN 0 AND 10
                    WHEN 'csat' THEN score BETWEEN 1 AND coalesce(scale, 5)
                    ELSE score BETWEEN 1 AND coalesce(scale, 7) END)
);
ALTER SEQUENCE cjkpi.responses_response_id_seq OWNED BY cjkpi.responses.response_id;
CREATE INDEX responses_touchpoint_answered_at ON cjkpi.responses (touchpoint, answered_at);
CREATE INDEX responses_customer ON cjkpi.responses (customer_id, answered_at);
COMMENT ON TABLE cjkpi.responses IS
    'Survey responses, one row per answer; a row with an unknown touchpoint or metric, a score off its scale or no time is refused';
COMMENT ON COLUMN cjkpi.responses.customer_id IS 'Customer who answered (NULL for anonymous answers)';
COMMENT ON COLUMN cjkpi.responses.touchpoint IS 'Touchpoint the answer is about (cjkpi.touchpoints)';
COMMENT ON COLUMN cjkpi.responses.metric IS 'nps (0..10), csat (1..scale, default 5) or ces (1..scale, default 7, higher = easier)';
COMMENT ON COLUMN cjkpi.responses.score IS 'The answer on the metric''s scale; NULL = not answered (not a response)';
COMMENT ON COLUMN cjkpi.responses.scale IS 'Number of answer points; NULL = the metric''s default (nps 10, csat 5, ces 7)';
COMMENT ON COLUMN cjkpi.responses.answered_at IS 'When the answer was given';
COMMENT ON COLUMN cjkpi.responses.segment IS 'Persona or segment of the customer';
COMMENT ON COLUMN cjkpi.responses.variant IS 'A/B variant the customer saw (NULL outside experiments)';
COMMENT ON COLUMN cjkpi.responses.comment IS 'Free-text comment';
COMMENT ON COLUMN cjkpi.responses.response_id IS 'Row identifier (referenced by cjkpi.follow_ups)';

CREATE TABLE cjkpi.events (
    customer_id text NOT NULL,
    session_id text,
    event text NOT NULL,
    touchpoint text NOT NULL REFERENCES cjkpi.touchpoints ON UPDATE CASCADE,
    occurred_at timestamptz NOT NULL,
    segment text
);
CREATE INDEX events_customer ON cjkpi.events (customer_id, occurred_at);
COMMENT ON TABLE cjkpi.events IS 'Journey events (clicks, visits, purchases), one row per event; unknown touchpoints and missing times are refused';
COMMENT ON COLUMN cjkpi.events.customer_id IS 'Customer (entity) of the event';
COMMENT ON COLUMN cjkpi.events.session_id IS 'Session of the event';
COMMENT ON COLUMN cjkpi.events.event IS 'Event name as recorded';
COMMENT ON COLUMN cjkpi.events.touchpoint IS 'Touchpoint of the event (cjkpi.touchpoints), which gives its stage';
COMMENT ON COLUMN cjkpi.events.occurred_at IS 'When the event happened';
COMMENT ON COLUMN cjkpi.events.segment IS 'Persona or segment of the customer';

CREATE TABLE cjkpi.follow_ups (
    response bigint NOT NULL REFERENCES cjkpi.responses (response_id) ON DELETE CASCADE,
    contacted_at timestamptz NOT NULL DEFAULT pg_catalog.now(),
    channel text,
    note text
);
CREATE INDEX follow_ups_response ON cjkpi.follow_ups (response);
COMMENT ON TABLE cjkpi.follow_ups IS 'Closing the loop: contacts made with customers about one of their responses';
COMMENT ON COLUMN cjkpi.follow_ups.response IS 'The response followed up (cjkpi.responses.response_id)';
COMMENT ON COLUMN cjkpi.follow_ups.contacted_at IS 'When the customer was contacted';
COMMENT ON COLUMN cjkpi.follow_ups.channel IS 'How (phone, email, ...)';
COMMENT ON COLUMN cjkpi.follow_ups.note IS 'What was said or done';

SELECT pg_catalog.pg_extension_config_dump('cjkpi.responses', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.responses_response_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.events', '');
SELECT pg_catalog.pg_extension_config_dump('cjkpi.follow_ups', '');
