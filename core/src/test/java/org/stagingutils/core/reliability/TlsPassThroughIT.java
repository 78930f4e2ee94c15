// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * JDBC URL parameters reach the real drivers: a session parameter shows up in the server's view of
 * the session, and a TLS demand is honoured by the driver: the session is encrypted, or (on a
 * server without TLS, as on this project's test machines) the run fails with the driver's reason in
 * one line that names the URL with its secrets masked.
 */
class TlsPassThroughIT {
  private static final String SECRET = "not-printed-anywhere";

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void sessionParametersInTheUrlReachTheDriver(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      String parameter =
          kind == DatabaseKind.POSTGRESQL
              ? "ApplicationName=stagingutils-passthrough"
              : "sessionVariables=wait_timeout=1234";
      String query =
          kind == DatabaseKind.POSTGRESQL
              ? "SELECT current_setting('application_name')"
              : "SELECT @@SESSION.wait_timeout";
      try (Database database = DatabaseOpener.open(settings(db, parameter));
          Connection c = database.connection()) {
        assertThat(single(c, query))
            .isEqualTo(kind == DatabaseKind.POSTGRESQL ? "stagingutils-passthrough" : "1234");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(
      value = DatabaseKind.class,
      names = {"POSTGRESQL", "MARIADB"})
  void aTlsDemandInTheUrlIsHonouredByTheDriver(DatabaseKind kind) throws Exception {
    try (TestDatabase db = TestDatabases.create(kind)) {
      String tls =
          kind == DatabaseKind.POSTGRESQL
              ? "sslmode=require&sslpassword=" + SECRET
              : "sslMode=trust&trustStorePassword=" + SECRET;
      Database database;
      try {
        database = DatabaseOpener.open(settings(db, tls));
      } catch (StagingException e) {
        // A server without TLS: the driver refused to go on unencrypted, as asked.
        assertThat(e.getMessage())
            .doesNotContain(SECRET)
            .doesNotContain("\n")
            .contains(tls.substring(0, tls.indexOf('&')));
        assertThat(e.getMessage().toLowerCase(Locale.ROOT)).contains("ssl");
        return;
      }
      try (database;
          Connection c = database.connection()) {
        String encrypted =
            kind == DatabaseKind.POSTGRESQL
                ? "SELECT CAST(ssl AS varchar) FROM pg_stat_ssl WHERE pid = pg_backend_pid()"
                : "SELECT VARIABLE_VALUE FROM information_schema.SESSION_STATUS"
                    + " WHERE VARIABLE_NAME = 'Ssl_cipher'";
        assertThat(single(c, encrypted)).isNotBlank().isNotEqualTo("false");
      }
    }
  }

  private static ConnectionSettings settings(TestDatabase db, String parameters) {
    String url = db.url() + (db.url().contains("?") ? "&" : "?") + parameters;
    return new ConnectionSettings("production", url, db.user(), db.password(), Optional.empty());
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).as(sql).isTrue();
      return rs.getString(1);
    }
  }
}
