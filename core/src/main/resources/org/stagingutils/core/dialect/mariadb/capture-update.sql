CREATE TRIGGER ${trigger} AFTER UPDATE ON ${table} FOR EACH ROW
BEGIN
  IF COALESCE(@staging_capture, 'on') <> 'off' THEN
    INSERT INTO ${changeLog} (STGTABLE, STGOP, STGOKEY, STGNKEY, STGOROW, STGCHANGESET)
    VALUES (${tableName}, 'U', ${oldKey}, ${newKey}, ${oldRow}, NULLIF(@staging_change_set, ''));
  END IF;
END
