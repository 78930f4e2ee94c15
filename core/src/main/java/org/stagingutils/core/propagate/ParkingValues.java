// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Types;
import java.util.HexFormat;
import org.stagingutils.core.metadata.Column;

/**
 * Placeholder values that move a row's unique value out of the way for the length of a transaction
 * (NULL where allowed, else a text derived from the row's key), so values can be swapped between
 * rows without tripping the unique index.
 */
final class ParkingValues {
  private ParkingValues() {}

  static boolean isText(Column column) {
    return switch (column.jdbcType()) {
      case Types.CHAR,
              Types.VARCHAR,
              Types.NCHAR,
              Types.NVARCHAR,
              Types.LONGVARCHAR,
              Types.LONGNVARCHAR ->
          true;
      default -> false;
    };
  }

  /** The placeholder for {@code column} of the row keyed {@code keyJson}; null when nullable. */
  static Object of(Column column, String keyJson) {
    if (column.nullable()) {
      return null;
    }
    String value = "~stg" + hash(keyJson);
    return value.substring(0, Math.min(value.length(), column.size()));
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
