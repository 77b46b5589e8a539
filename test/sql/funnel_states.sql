-- The window_funnel support functions check every state they receive
-- (issue 6 item 1): a hand-made or truncated serialized state is an error,
-- and so is a transition state window_funnel did not build.  Only a
-- superuser can declare aggregates over internal states, which is how these
-- tests reach the support functions with crafted input; the server must
-- survive each case.
-- objects of this test live in their own schema (all tests share one database)
CREATE SCHEMA funnel_states;
SET search_path = funnel_states, public;

-- string_agg's bytea transition concatenates the crafted bytes, and its final
-- function, used as the serialization function, hands them to
-- window_funnel_deserialfn in the leader of a parallel plan.
CREATE AGGREGATE funnel_from_bytes(bytea, bytea) (
  SFUNC = bytea_string_agg_transfn, STYPE = internal,
  SERIALFUNC = bytea_string_agg_finalfn, DESERIALFUNC = window_funnel_deserialfn,
  COMBINEFUNC = window_funnel_combinefn, FINALFUNC = window_funnel_finalfn,
  PARALLEL = SAFE);
-- a state that is not a window_funnel state given to the other functions
CREATE AGGREGATE foreign_final(bytea, bytea) (
  SFUNC = bytea_string_agg_transfn, STYPE = internal, FINALFUNC = window_funnel_finalfn);
CREATE AGGREGATE foreign_times_final(bytea, bytea) (
  SFUNC = bytea_string_agg_transfn, STYPE = internal, FINALFUNC = window_funnel_times_finalfn);
CREATE AGGREGATE foreign_serial(bytea, bytea) (
  SFUNC = bytea_string_agg_transfn, STYPE = internal,
  SERIALFUNC = window_funnel_serialfn, DESERIALFUNC = window_funnel_deserialfn,
  COMBINEFUNC = window_funnel_combinefn, FINALFUNC = window_funnel_finalfn,
  PARALLEL = SAFE);
CREATE AGGREGATE foreign_combine(numeric) (
  SFUNC = numeric_avg_accum, STYPE = internal,
  SERIALFUNC = numeric_avg_serialize, DESERIALFUNC = numeric_avg_deserialize,
  COMBINEFUNC = window_funnel_combinefn, FINALFUNC = numeric_avg,
  PARALLEL = SAFE);

-- Serialized format v1: version byte, window (int8, microseconds), mode flags
-- (int4), conditions (int4), mode string length (int4, -1 for none) and
-- bytes, row count (int4), then per row ts (int8) and condition mask (int4).
CREATE FUNCTION st(version int, win bigint, flags int, nconds int, mode text,
                   nrows int, rows bytea) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT set_byte('\x00'::bytea, 0, version) || int8send(win) || int4send(flags) || int4send(nconds)
         || CASE WHEN mode IS NULL THEN int4send(-1)
                 ELSE int4send(length(convert_to(mode, 'UTF8'))) || convert_to(mode, 'UTF8') END
         || int4send(nrows) || rows
$$;
CREATE FUNCTION r(ts bigint, mask int) RETURNS bytea LANGUAGE sql IMMUTABLE AS $$
  SELECT int8send(ts) || int4send(mask)
$$;
-- one crafted state per case, padded with rows the FILTER skips so that the
-- planner prefers partial aggregation
CREATE TABLE crafted(name text, state bytea);
INSERT INTO crafted VALUES
  -- valid: steps 1 then 2 one second apart, window 1 hour: level 2
  ('valid', st(1, 3600000000, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2))),
  -- valid with a mode string: strict_order flag 0x0001
  ('valid_mode', st(1, 3600000000, 1, 2, 'strict_order', 2, r(0, 1) || r(1000000, 2))),
  -- valid with a gap (flag 0x0080) of 1 second between the steps: level 2
  ('valid_gap', st(1, 3600000000, 128, 2, 'max_gap=1 second', 2, r(0, 1) || r(1000000, 2))),
  -- the same rows with a gap of 0.5 seconds: level 1
  ('valid_gap_short', st(1, 3600000000, 128, 2, 'max_gap=0.5 s', 2, r(0, 1) || r(1000000, 2))),
  -- a gap into a step the state does not have
  ('gap_step_missing', st(1, 3600000000, 128, 2, 'max_gap_3=1 second', 0, '')),
  ('empty', ''),
  ('version_2', st(2, 3600000000, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2))),
  ('truncated_header', substr(st(1, 3600000000, 0, 2, NULL, 0, ''), 1, 10)),
  ('truncated_rows', substr(st(1, 3600000000, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2)), 1, 30)),
  ('trailing_bytes', st(1, 3600000000, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2)) || '\x00'::bytea),
  ('window_0', st(1, 0, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2))),
  ('window_negative', st(1, -1, 0, 2, NULL, 2, r(0, 1) || r(1000000, 2))),
  ('nconds_0', st(1, 3600000000, 0, 0, NULL, 0, '')),
  ('nconds_33', st(1, 3600000000, 0, 33, NULL, 2, r(0, 1) || r(1000000, 2))),
  ('nrows_negative', st(1, 3600000000, 0, 2, NULL, -1, '')),
  ('nrows_huge', st(1, 3600000000, 0, 2, NULL, 2147483647, r(0, 1))),
  ('mask_beyond_nconds', st(1, 3600000000, 0, 2, NULL, 1, r(0, 4))),
  ('mode_len_negative', set_byte(st(1, 3600000000, 0, 2, NULL, 0, ''), 20, 254)),
  ('mode_len_huge', st(1, 3600000000, 0, 2, NULL, 0, '') || '\x7fffffff'::bytea),
  ('flags_unknown', st(1, 3600000000, 65536, 2, NULL, 0, '')),
  ('flags_without_mode', st(1, 3600000000, 128, 2, NULL, 0, '')),
  ('flags_not_mode', st(1, 3600000000, 0, 2, 'strict_order', 0, '')),
  ('mode_invalid', st(1, 3600000000, 0, 2, 'no_such_mode', 0, '')),
  ('exclude_no_step', st(1, 3600000000, 64, 1, 'exclude', 0, ''));
-- mode_len_negative: bytes 17..20 (0-based) hold the mode length; byte 20 =
-- 0xFE makes it -2.  mode_len_huge: a second length field after the first
-- (-1) is read as the row count: 2147483647 rows with no bytes left.
INSERT INTO crafted SELECT 'pad', NULL FROM generate_series(1, 20000);
ANALYZE crafted;
CREATE TABLE nums AS SELECT g::numeric AS x FROM generate_series(1, 20000) g;
ANALYZE nums;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'valid') FROM crafted;
-- the vehicle works: the valid states give their levels
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'valid') AS valid_2,
       funnel_from_bytes(state, '') FILTER (WHERE name = 'valid_mode') AS valid_mode_2,
       funnel_from_bytes(state, '') FILTER (WHERE name = 'valid_gap') AS valid_gap_2,
       funnel_from_bytes(state, '') FILTER (WHERE name = 'valid_gap_short') AS valid_gap_short_1
FROM crafted;
-- one bad state per line
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'empty') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'version_2') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'truncated_header') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'truncated_rows') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'trailing_bytes') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'window_0') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'window_negative') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'nconds_0') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'nconds_33') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'nrows_negative') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'nrows_huge') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'mask_beyond_nconds') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'mode_len_negative') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'mode_len_huge') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'flags_unknown') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'flags_without_mode') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'flags_not_mode') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'mode_invalid') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'exclude_no_step') FROM crafted;
SELECT funnel_from_bytes(state, '') FILTER (WHERE name = 'gap_step_missing') FROM crafted;
-- states built by other transition functions
SELECT foreign_serial(state, '') FILTER (WHERE name = 'valid') FROM crafted;
EXPLAIN (COSTS OFF) SELECT foreign_combine(x) FROM nums;
SELECT foreign_combine(x) FROM nums;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT foreign_final(state, '') FROM crafted WHERE name = 'valid';
SELECT foreign_times_final(state, '') FROM crafted WHERE name = 'valid';
-- the server survived all of the above
SELECT 1 AS alive;

RESET search_path;
SET client_min_messages = warning;
DROP SCHEMA funnel_states CASCADE;
RESET client_min_messages;
