// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The embedded fallback of {@link ServerLocator} works on this machine, even where the
 * STAGING_TEST_* variables make every other test use a local server: otherwise it would rot unseen
 * until a developer with only a JDK needs it.
 */
class EmbeddedServersIT {

  @ParameterizedTest
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void startsAServerThatCreatesAndDropsDatabases(DatabaseKind kind) throws Exception {
    JdbcServer server = new JdbcServer(EmbeddedServers.endpoint(kind));
    try (TestDatabase database = server.createDatabase("stg_embedded_probe");
        Connection connection = database.connection();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE probe (id INT PRIMARY KEY)");
      statement.execute("INSERT INTO probe VALUES (7)");
      try (ResultSet rows = statement.executeQuery("SELECT id FROM probe")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).isEqualTo(7);
      }
    }
  }
}
