/*
 * cjkpi--1.0--1.1.sql: update from 1.0 to 1.1.
 *
 * Every change of 1.1 against the released 1.0 script, in the order of the
 * pieces in sql/src that hold the same objects for a fresh install.
 * test/upgrade.test checks that 1.0 followed by this script gives exactly the
 * catalog of a fresh 1.1 install.
 */

-- complain if script is sourced in psql, rather than via CREATE EXTENSION
\echo Use "ALTER EXTENSION cjkpi UPDATE TO '1.1'" to load this file. \quit

/*
 * retention() support functions: they validate the bigint state they are
 * given, and PUBLIC no longer needs to call them (the aggregate runs them
 * with its owner's rights).
 */
REVOKE EXECUTE ON FUNCTION retention_transfn(bigint, boolean[]), retention_combinefn(bigint, bigint),
    retention_finalfn(bigint) FROM PUBLIC;

/*
 * retention_summary records its period length (format v2); 1.0 values, which
 * did not, still read (period unknown) and can be given their period.
 */
COMMENT ON FUNCTION retention_summary_in(cstring) IS
'retention_summary text input: v2;period_us=P;entities=E;eligible=...;active=...;on_or_after=..., or the 1.0 form v1;entities=E;... (period unknown)';
COMMENT ON TYPE retention_summary IS
'Mergeable cohort retention: the period length and, per period since first event, entities eligible (period fully elapsed), active in it, active in it or later';

CREATE FUNCTION retention_period(retention_summary) RETURNS interval
    AS 'MODULE_PATHNAME', 'retention_summary_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_period(retention_summary) IS
'Length of the periods (days and time); NULL for a summary stored by cjkpi 1.0, which did not record it';

CREATE FUNCTION retention_with_period(retention_summary, period interval) RETURNS retention_summary
    AS 'MODULE_PATHNAME', 'retention_summary_with_period' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION retention_with_period(retention_summary, interval) IS
'The summary with its period length stated, so that a summary stored by cjkpi 1.0 merges with newer ones; a different known period is an error';
