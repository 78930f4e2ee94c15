// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.h2.jdbc.JdbcConnection;
import org.h2.value.Value;
import org.h2.value.ValueToObjectConverter;

/**
 * SQL functions registered in H2 databases (by the control-schema migration) so that queries can
 * compute the same key and row JSON as {@link H2CaptureTrigger}. Values are converted to Java
 * objects exactly as H2 converts the rows it hands to triggers, so both sides encode alike.
 */
public final class H2JsonFunctions {
  private H2JsonFunctions() {}

  /** {@code STAGING_KEY_JSON(k1, k2, ...)} */
  public static String keyJson(Connection connection, Value... values) {
    List<Object> objects = new ArrayList<>(values.length);
    for (Value value : values) {
      objects.add(toObject(connection, value));
    }
    return JsonValues.array(objects);
  }

  /** {@code STAGING_ROW_JSON('c1', v1, 'c2', v2, ...)}: names and values alternate. */
  public static String rowJson(Connection connection, Value... namesAndValues) {
    List<String> names = new ArrayList<>();
    List<Object> values = new ArrayList<>();
    for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
      names.add(namesAndValues[i].getString());
      values.add(toObject(connection, namesAndValues[i + 1]));
    }
    return JsonValues.object(names, values);
  }

  private static Object toObject(Connection connection, Value value) {
    return ValueToObjectConverter.valueToDefaultObject(value, (JdbcConnection) connection, true);
  }
}
