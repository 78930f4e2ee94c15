DROP TRIGGER IF EXISTS ${trigger} ON ${table}
;;
DROP FUNCTION IF EXISTS ${function}()
