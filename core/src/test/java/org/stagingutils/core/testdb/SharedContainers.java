// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.util.EnumMap;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * One container per database kind for the whole JVM, started on first use: starting a server costs
 * seconds, creating a database in it milliseconds. Testcontainers' Ryuk removes the containers when
 * the JVM ends. Only this class touches Testcontainers, so modules that always run with the
 * STAGING_TEST_* variables do not need it on their class path.
 */
final class SharedContainers {
  private static final Map<DatabaseKind, ServerEndpoint> STARTED =
      new EnumMap<>(DatabaseKind.class);

  private SharedContainers() {}

  static boolean dockerAvailable() {
    return DockerClientFactory.instance().isDockerAvailable();
  }

  static synchronized ServerEndpoint endpoint(DatabaseKind kind) {
    return STARTED.computeIfAbsent(kind, SharedContainers::start);
  }

  @SuppressWarnings("resource") // Ryuk stops the container; closing it here would end it too soon.
  private static ServerEndpoint start(DatabaseKind kind) {
    // MariaDB as root, so that tests may create databases: its default user may not.
    JdbcDatabaseContainer<?> container =
        switch (kind) {
          case POSTGRESQL -> new PostgreSQLContainer<>("postgres:15-alpine");
          case MARIADB -> new MariaDBContainer<>("mariadb:10.11").withUsername("root");
          case H2 -> throw new IllegalArgumentException("H2 needs no container");
        };
    container.start();
    return new ServerEndpoint(
        kind, container.getJdbcUrl(), container.getUsername(), container.getPassword());
  }
}
