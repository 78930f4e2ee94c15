// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.dialect.Dialect;

/**
 * An open database of the suite: its pool, its dialect and the schema of the staged tables. Close
 * it to release the pool.
 */
public final class Database implements AutoCloseable {
  private final ConnectionSettings settings;
  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final String schema;

  Database(
      ConnectionSettings settings, HikariDataSource dataSource, Dialect dialect, String schema) {
    this.settings = settings;
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.schema = schema;
  }

  public HikariDataSource dataSource() {
    return dataSource;
  }

  public Dialect dialect() {
    return dialect;
  }

  public String schema() {
    return schema;
  }

  public String role() {
    return settings.role();
  }

  /** The user name the connections log in as, when one was given. */
  public Optional<String> user() {
    return Optional.ofNullable(settings.user()).filter(u -> !u.isBlank());
  }

  public ControlTables controlTables() {
    return new ControlTables(dialect, schema);
  }

  /** A connection from the pool; failures say which database could not be reached. */
  public Connection connection() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw ConnectionErrors.classify(settings, e);
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  @Override
  public String toString() {
    return settings.toString();
  }

  /** Convenience for one-off reads: the schema of the staged tables is always known. */
  public static StagingException missingSchema(ConnectionSettings settings) {
    return StagingException.configuration(
        "cannot tell the schema of the "
            + settings.role()
            + " database: set --"
            + settings.role()
            + "-schema");
  }
}
