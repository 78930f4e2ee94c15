-- Capture trigger of one staged table. Generated per table so that key and row expressions are
-- static column references: no dynamic SQL runs per row.
-- timestamptz values are rendered in UTC by the key and row expressions; only a table with types
-- whose text the dialect cannot make zone-free (arrays, domains...) pins the function's time zone,
-- which costs a third of a bulk update.
CREATE OR REPLACE FUNCTION ${function}() RETURNS trigger LANGUAGE plpgsql
${pinTimeZone}
AS $capture$
DECLARE
  change_set text := NULLIF(current_setting('staging.change_set', true), '');
BEGIN
  IF current_setting('staging.capture', true) = 'off' THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'INSERT' THEN
    INSERT INTO ${changeLog} (stgtable, stgop, stgnkey, stgchangeset)
    VALUES (${tableName}, 'I', ${newKey}, change_set);
  ELSIF TG_OP = 'UPDATE' THEN
    INSERT INTO ${changeLog} (stgtable, stgop, stgokey, stgnkey, stgorow, stgchangeset)
    VALUES (${tableName}, 'U', ${oldKey}, ${newKey}, ${oldRow}, change_set);
  ELSE
    INSERT INTO ${changeLog} (stgtable, stgop, stgokey, stgorow, stgchangeset)
    VALUES (${tableName}, 'D', ${oldKey}, ${oldRow}, change_set);
  END IF;
  RETURN NULL;
END
$capture$
;;
DROP TRIGGER IF EXISTS ${trigger} ON ${table}
;;
CREATE TRIGGER ${trigger} AFTER INSERT OR UPDATE OR DELETE ON ${table}
  FOR EACH ROW EXECUTE FUNCTION ${function}()
