// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.util.Optional;

/**
 * Finds the server for a database kind: the STAGING_TEST_* environment variables first, then
 * Testcontainers, and otherwise a failure, because a silently skipped dialect hides its bugs.
 */
final class ServerLocator {

  private ServerLocator() {}

  static DatabaseServer locate(DatabaseKind kind) {
    if (kind == DatabaseKind.H2) {
      return new H2Server();
    }
    String prefix =
        kind == DatabaseKind.POSTGRESQL ? "STAGING_TEST_POSTGRES" : "STAGING_TEST_MARIADB";
    return new JdbcServer(fromEnvironment(kind, prefix).orElseGet(() -> fromDocker(kind, prefix)));
  }

  private static Optional<ServerEndpoint> fromEnvironment(DatabaseKind kind, String prefix) {
    String url = System.getenv(prefix + "_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    String defaultUser = kind == DatabaseKind.POSTGRESQL ? "postgres" : "root";
    return Optional.of(
        new ServerEndpoint(
            kind,
            url,
            Optional.ofNullable(System.getenv(prefix + "_USER")).orElse(defaultUser),
            Optional.ofNullable(System.getenv(prefix + "_PASSWORD")).orElse("")));
  }

  private static ServerEndpoint fromDocker(DatabaseKind kind, String prefix) {
    boolean docker;
    try {
      docker = SharedContainers.dockerAvailable();
    } catch (NoClassDefFoundError e) {
      docker = false; // Testcontainers is not on this module's test class path.
    }
    if (!docker) {
      throw new IllegalStateException(
          "No "
              + kind
              + " server for database tests: set "
              + prefix
              + "_URL (an admin database, e.g. "
              + exampleUrl(kind)
              + "), "
              + prefix
              + "_USER and "
              + prefix
              + "_PASSWORD, or make Docker available for Testcontainers (.ci/run sets them for"
              + " local servers)");
    }
    return SharedContainers.endpoint(kind);
  }

  private static String exampleUrl(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL
        ? "jdbc:postgresql://127.0.0.1:5432/postgres"
        : "jdbc:mariadb://127.0.0.1:3306/";
  }
}
