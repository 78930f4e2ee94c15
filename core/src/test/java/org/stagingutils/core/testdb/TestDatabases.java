// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * Creates uniquely named databases for tests. Servers come from the environment variables
 * STAGING_TEST_POSTGRES_URL/_USER/_PASSWORD and STAGING_TEST_MARIADB_URL/_USER/_PASSWORD, else from
 * Testcontainers when Docker is available, else from embedded servers (docs/testing.md); otherwise
 * creating a database fails, it never skips. H2 runs in memory.
 */
public final class TestDatabases {
  private static final Map<DatabaseKind, DatabaseServer> SERVERS =
      new EnumMap<>(DatabaseKind.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private TestDatabases() {}

  /** A new, empty database; close it (try-with-resources) to drop it. */
  public static TestDatabase create(DatabaseKind kind) {
    String name = uniqueName();
    try {
      TestDatabase database = server(kind).createDatabase(name);
      OpenDatabases.remember(database);
      return database;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "Could not create " + kind + " test database " + name + ": " + e.getMessage(), e);
    }
  }

  /** A production and a staging database on the same server. */
  public static DatabasePair createPair(DatabaseKind kind) {
    TestDatabase production = create(kind);
    try {
      return new DatabasePair(production, create(kind));
    } catch (RuntimeException e) {
      production.close();
      throw e;
    }
  }

  /** {@code stg_} and 16 random hex digits, unlikely to meet another build's on a shared server. */
  static String uniqueName() {
    return "stg_" + HexFormat.of().formatHex(randomBytes());
  }

  private static synchronized DatabaseServer server(DatabaseKind kind) {
    return SERVERS.computeIfAbsent(kind, ServerLocator::locate);
  }

  private static byte[] randomBytes() {
    byte[] bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return bytes;
  }
}
