// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * An embedded PostgreSQL or MariaDB server of one test class's own, so that the test may stop and
 * start it again (on the same data directory and port) without disturbing the servers every other
 * test shares. Close it to stop the server and delete its directory.
 */
public final class DedicatedServer implements AutoCloseable {
  /** The server process of one kind, which can be stopped and started again. */
  interface Process {
    void start() throws Exception;

    void stop() throws Exception;
  }

  private final Path directory;
  private final Process process;
  private final JdbcServer server;

  private DedicatedServer(Path directory, Process process, ServerEndpoint endpoint) {
    this.directory = directory;
    this.process = process;
    this.server = new JdbcServer(endpoint);
  }

  public static DedicatedServer start(DatabaseKind kind) throws Exception {
    Path directory = Files.createTempDirectory("staging-dedicated-" + kind.name().toLowerCase());
    int port = freePort();
    Process process =
        switch (kind) {
          case POSTGRESQL -> new DedicatedPostgres(directory, port);
          case MARIADB -> new DedicatedMariaDb(directory, port);
          case H2 -> throw new IllegalArgumentException("H2 has no server to restart");
        };
    process.start();
    ServerEndpoint endpoint =
        kind == DatabaseKind.POSTGRESQL
            ? new ServerEndpoint(
                kind, "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "")
            : new ServerEndpoint(kind, "jdbc:mariadb://localhost:" + port + "/", "root", "");
    return new DedicatedServer(directory, process, endpoint);
  }

  /** A new, empty database on this server; close it to drop it. */
  public TestDatabase createDatabase() throws SQLException {
    return server.createDatabase(TestDatabases.uniqueName());
  }

  /** Stops the server (its clients' sessions end) and starts it again on the same data. */
  public void restart() throws Exception {
    process.stop();
    process.start();
  }

  @Override
  public void close() throws Exception {
    try {
      process.stop();
    } finally {
      try (Stream<Path> files = Files.walk(directory)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(file);
        }
      }
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    }
  }
}
