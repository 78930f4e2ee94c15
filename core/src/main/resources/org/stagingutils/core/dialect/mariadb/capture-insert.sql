CREATE TRIGGER ${trigger} AFTER INSERT ON ${table} FOR EACH ROW
BEGIN
  IF COALESCE(@staging_capture, 'on') <> 'off' THEN
    INSERT INTO ${changeLog} (STGTABLE, STGOP, STGNKEY, STGCHANGESET)
    VALUES (${tableName}, 'I', ${newKey}, NULLIF(@staging_change_set, ''));
  END IF;
END
