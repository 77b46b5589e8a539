--
-- Text input fuzzing: thousands of mutations of valid summaries (characters
-- replaced, inserted, deleted; seeded, so the run is repeatable).  Every
-- input must either raise a clean error with an invalid-input SQLSTATE, or
-- be accepted and then round-trip exactly.  The backend must survive all.
--
-- The random numbers come from hashing a sequence, not from random(): its
-- generator changed in PostgreSQL 15, and the counts below must be the same
-- on every supported version.
CREATE SCHEMA survey_fuzz;
SET search_path = survey_fuzz, public;

CREATE TEMP SEQUENCE fuzz_draws;
CREATE FUNCTION pg_temp.draw() RETURNS double precision LANGUAGE sql AS
$$ SELECT (pg_catalog.hashint8(pg_catalog.nextval('fuzz_draws')) & 2147483647) / 2147483648.0 $$;
CREATE TEMP TABLE seeds (s text);
INSERT INTO seeds VALUES
    ('v1 nps 0..10 {0,1,2,3,4,5,6,7,8,9,10}'),
    ('v1 nps 0..10 categories-only {3,0,0,0,0,0,0,0,2,0,5}'),
    ('v1 csat 1..5 {1,2,3,4,5}'),
    ('v1 ces 1..7 {9223372036854775807,0,0,0,0,0,0}');
CREATE TEMP TABLE outcome (kind text, input text, sqlstate text, output text);

DO $$
DECLARE
    seed text;
    input text;
    pos int;
    i int;
    alphabet text := '0123456789{},.v -' || chr(9) || 'npscatecsx';
    typ text;
    outtxt text;
BEGIN
    FOR i IN 1..6000 LOOP
        SELECT s INTO seed FROM seeds ORDER BY s OFFSET floor(pg_temp.draw() * 4) LIMIT 1;
        input := seed;
        FOR j IN 1..(1 + floor(pg_temp.draw() * 3))::int LOOP
            pos := 1 + floor(pg_temp.draw() * length(input))::int;
            CASE floor(pg_temp.draw() * 3)::int
                WHEN 0 THEN input := overlay(input PLACING substr(alphabet, 1 + floor(pg_temp.draw() * length(alphabet))::int, 1) FROM pos FOR 1);
                WHEN 1 THEN input := overlay(input PLACING substr(alphabet, 1 + floor(pg_temp.draw() * length(alphabet))::int, 1) FROM pos FOR 0);
                ELSE input := overlay(input PLACING '' FROM pos FOR 1);
            END CASE;
        END LOOP;
        typ := (ARRAY['nps_summary', 'csat_summary', 'ces_summary'])[1 + floor(pg_temp.draw() * 3)::int];
        BEGIN
            EXECUTE format('SELECT %L::%s::text', input, typ) INTO outtxt;
            INSERT INTO outcome VALUES (typ, input, NULL, outtxt);
        EXCEPTION WHEN OTHERS THEN
            INSERT INTO outcome VALUES (typ, input, SQLSTATE, NULL);
        END;
    END LOOP;
END $$;

-- only invalid-input SQLSTATEs (22P02 syntax/format, 22003 total too large)
SELECT sqlstate, count(*) FROM outcome GROUP BY sqlstate ORDER BY sqlstate NULLS FIRST;
-- some mutations are still valid summaries (e.g. a changed digit in a count)
SELECT count(*) > 100 AS many_accepted, count(*) < 6000 AS many_rejected FROM outcome WHERE sqlstate IS NULL;
-- an accepted input differs from its output only in white space and in
-- leading zeros of numbers
SELECT count(*) AS accepted_not_matching_input FROM outcome
WHERE sqlstate IS NULL
  AND regexp_replace(regexp_replace(input, '\s+', '', 'g'), '(^|[^0-9])0+([0-9])', '\1\2', 'g')
      <> regexp_replace(output, '\s+', '', 'g');
-- every accepted input reads back to the same value from its own output
DO $$
DECLARE
    r record;
    again text;
    bad int := 0;
BEGIN
    FOR r IN SELECT * FROM outcome WHERE sqlstate IS NULL LOOP
        EXECUTE format('SELECT %L::%s::text', r.output, r.kind) INTO again;
        IF again IS DISTINCT FROM r.output THEN
            bad := bad + 1;
        END IF;
    END LOOP;
    RAISE NOTICE 'accepted inputs that do not round-trip: %', bad;
END $$;
-- accepted inputs are valid summaries: the counts match the scale
SELECT count(*) AS accepted_with_wrong_count FROM outcome
WHERE sqlstate IS NULL
  AND array_length(string_to_array(substring(output FROM '\{(.*)\}'), ','), 1)
      <> (CASE WHEN kind = 'nps_summary' THEN 11 ELSE substring(output FROM '1\.\.(\d+)')::int END);

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA survey_fuzz CASCADE;
RESET client_min_messages;
