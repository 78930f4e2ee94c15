// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Names of the objects capture installs for a table. Long table names are shortened with a hash so
 * the name stays within the database's identifier limit and stays unique.
 */
public final class CaptureNames {
  /** Prefix of every object the suite installs on a staged table. */
  public static final String PREFIX = "stg_";

  private CaptureNames() {}

  public static String forTable(String table, String suffix, int maxLength) {
    String name = PREFIX + table + suffix;
    if (name.length() <= maxLength) {
      return name;
    }
    String hash = shortHash(table);
    int room = maxLength - PREFIX.length() - suffix.length() - hash.length() - 1;
    return PREFIX + table.substring(0, Math.max(0, room)) + "_" + hash + suffix;
  }

  private static String shortHash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 4);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
