-- The indexes of one table (bound as its qualified name) that stagingcopy may drop before a bulk
-- load into the empty table and build again after it, in the same transaction: primary keys and
-- unique constraints (kind 'constraint', rebuilt by pg_get_constraintdef) and indexes that back no
-- constraint (kind 'index', rebuilt by pg_get_indexdef). Left alone, so kept as they are: indexes
-- a foreign key depends on (they cannot be dropped without it), partition indexes, invalid,
-- clustered or replica-identity indexes, indexes outside the default tablespace, with a comment or
-- a per-column statistics target, constraints whose index has another name, and every index of a
-- table that is not a plain table: none of those would come back exactly as they were.
SELECT CASE WHEN c.oid IS NULL THEN 'index' ELSE 'constraint' END AS kind,
       n.nspname AS index_schema,
       COALESCE(c.conname, x.relname) AS name,
       CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
            ELSE pg_get_constraintdef(c.oid) END AS definition
  FROM pg_catalog.pg_index i
  JOIN pg_catalog.pg_class x ON x.oid = i.indexrelid
  JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
  JOIN pg_catalog.pg_namespace n ON n.oid = x.relnamespace
  LEFT JOIN pg_catalog.pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
       AND c.contype IN ('p', 'u', 'x')
 WHERE i.indrelid = CAST(? AS regclass)
   AND t.relkind = 'r'
   AND NOT t.relispartition
   AND i.indisvalid
   AND NOT i.indisclustered
   AND NOT i.indisreplident
   AND x.reltablespace = 0
   AND (c.oid IS NULL OR (c.contype IN ('p', 'u') AND c.conname = x.relname AND c.conparentid = 0))
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint f
                    WHERE f.contype = 'f' AND f.conindid = i.indexrelid)
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits h WHERE h.inhrelid = i.indexrelid)
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_description d
                    WHERE (d.classoid = 'pg_catalog.pg_class'::regclass AND d.objoid = i.indexrelid)
                       OR (d.classoid = 'pg_catalog.pg_constraint'::regclass AND d.objoid = c.oid))
   AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                    WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0)
 ORDER BY kind, name
