CREATE TRIGGER ${trigger} AFTER DELETE ON ${table} FOR EACH ROW
BEGIN
  IF COALESCE(@staging_capture, 'on') <> 'off' THEN
    INSERT INTO ${changeLog} (STGTABLE, STGOP, STGOKEY, STGOROW, STGCHANGESET)
    VALUES (${tableName}, 'D', ${oldKey}, ${oldRow}, NULLIF(@staging_change_set, ''));
  END IF;
END
