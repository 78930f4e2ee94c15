// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.stagingutils.core.api.StagingException;

/** The registry of supported databases: finds the dialect for a JDBC URL and confirms it. */
public final class Dialects {
  private static final List<Dialect> ALL =
      List.of(new PostgresDialect(), new MariaDbDialect(), new H2Dialect());

  private Dialects() {}

  public static List<Dialect> all() {
    return ALL;
  }

  public static Dialect forUrl(String jdbcUrl) {
    return ALL.stream()
        .filter(d -> d.handlesJdbcUrl(jdbcUrl))
        .findFirst()
        .orElseThrow(
            () ->
                StagingException.configuration(
                    "unsupported JDBC URL '"
                        + org.stagingutils.core.config.JdbcUrls.redact(jdbcUrl)
                        + "': use jdbc:postgresql:, jdbc:mariadb:, jdbc:mysql: or jdbc:h2:"));
  }

  /** The dialect for an open connection, after checking that its server version is supported. */
  public static Dialect forConnection(Connection connection) throws SQLException {
    Dialect dialect = forUrl(connection.getMetaData().getURL());
    dialect.checkSupported(connection.getMetaData());
    return dialect;
  }
}
