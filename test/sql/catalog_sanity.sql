--
-- Catalog sanity, in the style of core's opr_sanity.sql: queries over the
-- catalog that list every extension object breaking a rule of the project.
-- Each query should return no rows (or exactly the documented exceptions), so
-- a later change that forgets a comment, a combine function or a send/recv
-- function fails here.
--
CREATE SCHEMA catalog_sanity;
SET search_path = catalog_sanity, public;

CREATE VIEW members AS
SELECT d.classid, d.objid
FROM pg_catalog.pg_depend d
WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'cjkpi');

CREATE VIEW procs AS
SELECT p.* FROM pg_catalog.pg_proc p JOIN members m ON m.classid = 'pg_catalog.pg_proc'::regclass AND m.objid = p.oid;

-- 1. Every function, aggregate, type, operator, operator class, table, view
-- and column of a table or view has a COMMENT (BI tools show them).  Array
-- types (which PostgreSQL 17 records as extension members) and the row types
-- of tables and views are documented by their element type or relation.
SELECT 'function' AS kind, p.oid::regprocedure::text AS object
FROM procs p WHERE pg_catalog.obj_description(p.oid, 'pg_proc') IS NULL
UNION ALL
SELECT 'type', t.oid::regtype::text
FROM pg_catalog.pg_type t JOIN members m ON m.classid = 'pg_catalog.pg_type'::regclass AND m.objid = t.oid
WHERE t.typelem = 0 AND t.typrelid = 0 AND pg_catalog.obj_description(t.oid, 'pg_type') IS NULL
UNION ALL
SELECT 'operator', o.oid::regoperator::text
FROM pg_catalog.pg_operator o JOIN members m ON m.classid = 'pg_catalog.pg_operator'::regclass AND m.objid = o.oid
WHERE pg_catalog.obj_description(o.oid, 'pg_operator') IS NULL
UNION ALL
SELECT 'operator class', c.opcname::text
FROM pg_catalog.pg_opclass c JOIN members m ON m.classid = 'pg_catalog.pg_opclass'::regclass AND m.objid = c.oid
WHERE pg_catalog.obj_description(c.oid, 'pg_opclass') IS NULL
UNION ALL
SELECT 'relation', c.oid::regclass::text
FROM pg_catalog.pg_class c JOIN members m ON m.classid = 'pg_catalog.pg_class'::regclass AND m.objid = c.oid
WHERE c.relkind IN ('r', 'v', 'm', 'p') AND pg_catalog.obj_description(c.oid, 'pg_class') IS NULL
UNION ALL
SELECT 'column', c.oid::regclass::text || '.' || a.attname
FROM pg_catalog.pg_class c JOIN members m ON m.classid = 'pg_catalog.pg_class'::regclass AND m.objid = c.oid
JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
WHERE c.relkind IN ('r', 'v', 'm', 'p') AND pg_catalog.col_description(c.oid, a.attnum) IS NULL
ORDER BY 1, 2;

-- 2. Every aggregate has a combine function and is PARALLEL SAFE, so parallel
-- plans and sharding engines can split it.  The one exception listed is
-- cjkpi.cusum_lower: a CUSUM runs over periods in order (each step depends
-- on the previous sum), so two partial sums cannot be combined; it is a
-- window aggregate over a few periods, still PARALLEL SAFE (README, Journey
-- model).
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggcombinefn, p.proparallel
FROM pg_catalog.pg_aggregate a JOIN procs p ON p.oid = a.aggfnoid
WHERE a.aggcombinefn = 0 OR p.proparallel <> 's'
ORDER BY a.aggfnoid::regprocedure::text;

-- 3. The state of every aggregate is a real type with binary send and
-- receive (Citus ships partial states through the type's I/O and cannot split
-- internal states) ...
SELECT a.aggfnoid::regprocedure AS aggregate, a.aggtranstype::regtype AS state
FROM pg_catalog.pg_aggregate a JOIN procs p ON p.oid = a.aggfnoid
JOIN pg_catalog.pg_type t ON t.oid = a.aggtranstype
WHERE a.aggtranstype <> 'internal'::regtype AND (t.typsend = 0 OR t.typreceive = 0)
ORDER BY a.aggfnoid::regprocedure::text;
-- ... except the per-entity aggregates listed here, whose state is the
-- entity's event buffer: they run on the shard that holds the entity, have
-- serialize/deserialize functions for parallel plans, and return a plain
-- value, not a mergeable summary.
SELECT p.proname, count(*) AS overloads,
       bool_and(a.aggserialfn <> 0 AND a.aggdeserialfn <> 0) AS serializable
FROM pg_catalog.pg_aggregate a JOIN procs p ON p.oid = a.aggfnoid
WHERE a.aggtranstype = 'internal'::regtype
GROUP BY p.proname ORDER BY 1;

-- 4. Volatility and parallel labels: every function that is not IMMUTABLE
-- and PARALLEL SAFE is listed here, and the README (Journey model, Function
-- labels) says why.  All are the journey model's: cjkpi.time_zone() reads
-- cjkpi.settings (STABLE, PARALLEL SAFE); the trigger functions, the refresh
-- functions and procedures and the pg_cron helpers write tables (VOLATILE,
-- PARALLEL UNSAFE).
SELECT p.oid::regprocedure AS function, p.prokind, p.provolatile, p.proparallel
FROM procs p
WHERE p.provolatile <> 'i' OR p.proparallel <> 's'
ORDER BY p.oid::regprocedure::text;

-- 5. No SECURITY DEFINER functions, and every PL/pgSQL function fixes its
-- search_path (SQL functions qualify every name in their bodies instead).
SELECT p.oid::regprocedure AS function, p.prosecdef, p.proconfig
FROM procs p JOIN pg_catalog.pg_language l ON l.oid = p.prolang
WHERE p.prosecdef
   OR (l.lanname = 'plpgsql' AND NOT coalesce(p.proconfig::text LIKE '%search_path=%', false))
ORDER BY p.oid::regprocedure::text;

-- 6. No function or aggregate shares its name with a built-in aggregate
-- (a call would silently pick one or the other by argument types).
SELECT DISTINCT p.proname
FROM procs p JOIN pg_catalog.pg_proc b ON b.proname = p.proname AND b.prokind = 'a'
WHERE b.pronamespace = 'pg_catalog'::regnamespace
ORDER BY 1;

-- 7. Every summary type (a base type of the extension) has text and binary
-- I/O, = and <> operators, and both a hash and a btree operator class (so
-- DISTINCT, GROUP BY, UNION, ORDER BY and hash joins work on stored values),
-- and a rollup() aggregate.
SELECT t.typname,
       t.typsend <> 0 AND t.typreceive <> 0 AS binary_io,
       EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprname = '=' AND o.oprleft = t.oid AND o.oprright = t.oid) AS eq,
       EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprname = '<>' AND o.oprleft = t.oid AND o.oprright = t.oid) AS ne,
       EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprname = '+' AND o.oprleft = t.oid AND o.oprright = t.oid) AS plus,
       EXISTS (SELECT FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
               WHERE c.opcintype = t.oid AND am.amname = 'hash' AND c.opcdefault) AS hash_opclass,
       EXISTS (SELECT FROM pg_catalog.pg_opclass c JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
               WHERE c.opcintype = t.oid AND am.amname = 'btree' AND c.opcdefault) AS btree_opclass,
       EXISTS (SELECT FROM procs p WHERE p.proname = 'rollup' AND p.proargtypes[0] = t.oid) AS has_rollup
FROM pg_catalog.pg_type t JOIN members m ON m.classid = 'pg_catalog.pg_type'::regclass AND m.objid = t.oid
WHERE t.typtype = 'b' AND t.typelem = 0
ORDER BY 1;

-- 8. Aggregate support functions (transition, combine, serialize,
-- deserialize, inverse and final functions) cannot be called by PUBLIC: an
-- aggregate checks EXECUTE on them as its owner, so every role keeps the
-- aggregates while hand-made states never reach the support functions.  The
-- exceptions are functions users call for their own sake: final functions
-- that are accessors (nps(nps_summary) is also the final function of
-- nps(score)) and functions behind operators.
SELECT f.oid::regprocedure::text AS public_support_function
FROM pg_catalog.pg_aggregate a JOIN procs p ON p.oid = a.aggfnoid
CROSS JOIN LATERAL (VALUES (a.aggtransfn), (a.aggcombinefn), (a.aggserialfn), (a.aggdeserialfn),
                           (a.aggmtransfn), (a.aggminvtransfn), (a.aggfinalfn), (a.aggmfinalfn)) s(fn)
JOIN pg_catalog.pg_proc f ON f.oid = s.fn
WHERE pg_catalog.has_function_privilege('public', f.oid, 'EXECUTE')
  AND NOT EXISTS (SELECT FROM pg_catalog.pg_operator o WHERE o.oprcode = f.oid)
  AND NOT (s.fn IN (a.aggfinalfn, a.aggmfinalfn) AND f.proargtypes[0] <> 'internal'::regtype
           AND f.proname NOT LIKE '%\_finalfn' AND f.proname NOT LIKE '%\_nonempty')
GROUP BY 1 ORDER BY 1;

RESET search_path;
DROP SCHEMA catalog_sanity CASCADE;
