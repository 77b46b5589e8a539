-- One line per property of every object that belongs to the cjkpi extension:
-- what test/upgrade.test compares between an updated and a fresh install.
-- Functions: signature, result, kind, volatility, strictness, parallel label,
-- C symbol or body, settings, security; aggregates: support functions and
-- state; types: I/O functions and storage; operators and operator classes:
-- their members; relations and views: columns and definitions; and every
-- comment.
WITH members AS (
    SELECT classid, objid, objsubid
    FROM pg_catalog.pg_depend
    WHERE refclassid = 'pg_catalog.pg_extension'::regclass AND deptype = 'e'
      AND refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'cjkpi')
)
SELECT line FROM (
    SELECT pg_catalog.pg_describe_object(classid, objid, objsubid) || ' comment=' ||
           coalesce(pg_catalog.obj_description(objid, (SELECT relname FROM pg_catalog.pg_class WHERE oid = classid)), '-') AS line
    FROM members
    UNION ALL
    SELECT format('function %s returns %s%s kind=%s vol=%s strict=%s parallel=%s secdef=%s leakproof=%s src=%s config=%s args=%s defaults=%s cost=%s rows=%s',
                  p.oid::regprocedure, CASE WHEN p.proretset THEN 'setof ' ELSE '' END,
                  pg_catalog.pg_get_function_result(p.oid), p.prokind, p.provolatile, p.proisstrict,
                  p.proparallel, p.prosecdef, p.proleakproof,
                  CASE WHEN l.lanname = 'c' THEN p.prosrc ELSE md5(p.prosrc) END,
                  p.proconfig, p.proargnames, pg_catalog.pg_get_expr(p.proargdefaults, 0), p.procost, p.prorows)
    FROM members m JOIN pg_catalog.pg_proc p ON m.classid = 'pg_catalog.pg_proc'::regclass AND p.oid = m.objid
    JOIN pg_catalog.pg_language l ON l.oid = p.prolang
    UNION ALL
    SELECT format('aggregate %s kind=%s trans=%s final=%s combine=%s serial=%s deserial=%s mtrans=%s minv=%s mfinal=%s fextra=%s mfextra=%s fmodify=%s mfmodify=%s sortop=%s state=%s sspace=%s init=%s mstate=%s msspace=%s minit=%s',
                  a.aggfnoid::regprocedure, a.aggkind, a.aggtransfn, a.aggfinalfn, a.aggcombinefn,
                  a.aggserialfn, a.aggdeserialfn, a.aggmtransfn, a.aggminvtransfn, a.aggmfinalfn,
                  a.aggfinalextra, a.aggmfinalextra, a.aggfinalmodify, a.aggmfinalmodify,
                  a.aggsortop, a.aggtranstype::regtype, a.aggtransspace, a.agginitval,
                  a.aggmtranstype::regtype, a.aggmtransspace, a.aggminitval)
    FROM members m JOIN pg_catalog.pg_aggregate a ON m.classid = 'pg_catalog.pg_proc'::regclass AND a.aggfnoid = m.objid
    UNION ALL
    SELECT format('type %s len=%s byval=%s type=%s category=%s preferred=%s in=%s out=%s recv=%s send=%s mod_in=%s mod_out=%s analyze=%s align=%s storage=%s notnull=%s basetype=%s default=%s elem=%s',
                  t.oid::regtype, t.typlen, t.typbyval, t.typtype, t.typcategory, t.typispreferred,
                  t.typinput, t.typoutput, t.typreceive, t.typsend, t.typmodin, t.typmodout,
                  t.typanalyze, t.typalign, t.typstorage, t.typnotnull, t.typbasetype::regtype,
                  t.typdefault, t.typelem::regtype)
    FROM members m JOIN pg_catalog.pg_type t ON m.classid = 'pg_catalog.pg_type'::regclass AND t.oid = m.objid
    UNION ALL
    SELECT format('operator %s code=%s com=%s negate=%s rest=%s join=%s hashes=%s merges=%s',
                  o.oid::regoperator, o.oprcode, o.oprcom::regoperator, o.oprnegate::regoperator,
                  o.oprrest, o.oprjoin, o.oprcanhash, o.oprcanmerge)
    FROM members m JOIN pg_catalog.pg_operator o ON m.classid = 'pg_catalog.pg_operator'::regclass AND o.oid = m.objid
    UNION ALL
    SELECT format('opclass %s %s default=%s type=%s family=%s', am.amname, c.opcname, c.opcdefault,
                  c.opcintype::regtype, f.opfname)
    FROM members m JOIN pg_catalog.pg_opclass c ON m.classid = 'pg_catalog.pg_opclass'::regclass AND c.oid = m.objid
    JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod JOIN pg_catalog.pg_opfamily f ON f.oid = c.opcfamily
    UNION ALL
    SELECT format('opfamily member %s', pg_catalog.pg_describe_object(d.classid, d.objid, 0))
    FROM members m JOIN pg_catalog.pg_depend d ON m.classid = 'pg_catalog.pg_opfamily'::regclass
         AND d.refclassid = 'pg_catalog.pg_opfamily'::regclass AND d.refobjid = m.objid
         AND d.classid IN ('pg_catalog.pg_amop'::regclass, 'pg_catalog.pg_amproc'::regclass)
    UNION ALL
    SELECT format('cast %s', pg_catalog.pg_describe_object(m.classid, m.objid, 0)) || format(' func=%s context=%s method=%s', c.castfunc, c.castcontext, c.castmethod)
    FROM members m JOIN pg_catalog.pg_cast c ON m.classid = 'pg_catalog.pg_cast'::regclass AND c.oid = m.objid
    UNION ALL
    SELECT format('relation %s kind=%s column %s %s notnull=%s default=%s comment=%s', c.oid::regclass, c.relkind,
                  a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod), a.attnotnull,
                  pg_catalog.pg_get_expr(ad.adbin, ad.adrelid), coalesce(pg_catalog.col_description(c.oid, a.attnum), '-'))
    FROM members m JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid
    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = c.oid AND ad.adnum = a.attnum
    UNION ALL
    SELECT format('view %s %s', c.oid::regclass, md5(pg_catalog.pg_get_viewdef(c.oid)))
    FROM members m JOIN pg_catalog.pg_class c ON m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid
    WHERE c.relkind IN ('v', 'm')
    UNION ALL
    SELECT format('constraint %s %s', c.conrelid::regclass, pg_catalog.pg_get_constraintdef(c.oid))
    FROM members m JOIN pg_catalog.pg_constraint c ON c.conrelid = m.objid AND m.classid = 'pg_catalog.pg_class'::regclass
    UNION ALL
    SELECT format('index %s', pg_catalog.pg_get_indexdef(i.indexrelid))
    FROM members m JOIN pg_catalog.pg_index i ON i.indrelid = m.objid AND m.classid = 'pg_catalog.pg_class'::regclass
    UNION ALL
    SELECT format('trigger %s %s', t.tgrelid::regclass, pg_catalog.pg_get_triggerdef(t.oid))
    FROM members m JOIN pg_catalog.pg_trigger t ON t.tgrelid = m.objid AND m.classid = 'pg_catalog.pg_class'::regclass
    WHERE NOT t.tgisinternal
    UNION ALL
    SELECT format('acl %s %s', pg_catalog.pg_describe_object(m.classid, m.objid, 0),
                  coalesce((SELECT p.proacl::text FROM pg_catalog.pg_proc p WHERE m.classid = 'pg_catalog.pg_proc'::regclass AND p.oid = m.objid),
                           (SELECT c.relacl::text FROM pg_catalog.pg_class c WHERE m.classid = 'pg_catalog.pg_class'::regclass AND c.oid = m.objid),
                           (SELECT t.typacl::text FROM pg_catalog.pg_type t WHERE m.classid = 'pg_catalog.pg_type'::regclass AND t.oid = m.objid),
                           'default'))
    FROM members m
) s
ORDER BY line COLLATE "C";
