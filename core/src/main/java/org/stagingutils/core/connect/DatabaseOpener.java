// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.dialect.Dialects;

/** Opens a {@link Database}: pool, dialect confirmed against the server, and schema. */
public final class DatabaseOpener {
  private DatabaseOpener() {}

  public static Database open(ConnectionSettings settings) {
    if (settings.url() == null || settings.url().isBlank()) {
      throw StagingException.configuration(
          "no "
              + settings.role()
              + " database given: set --"
              + settings.role()
              + "-url, "
              + settings.role().toUpperCase(java.util.Locale.ROOT)
              + "_URL or "
              + settings.role()
              + "-url in the config file");
    }
    Dialect dialect = Dialects.forUrl(settings.url());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setPoolName(settings.role());
    dialect.connectionInitSql().ifPresent(config::setConnectionInitSql);
    DriverProperties.notSetIn(settings.url(), dialect.driverProperties())
        .forEach(config::addDataSourceProperty);
    config.setMaximumPoolSize(4);
    config.setMinimumIdle(0);
    config.setConnectionTimeout(15_000);
    // Fail on the first attempt: a wrong URL or password must be one line, not a 30 s retry loop.
    config.setInitializationFailTimeout(1);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw ConnectionErrors.classify(settings, e);
    }
    try (Connection connection = dataSource.getConnection()) {
      Dialect confirmed = Dialects.forConnection(connection);
      String schema =
          settings.schema().isPresent()
              ? settings.schema().get()
              : confirmed.currentSchema(connection);
      if (schema == null) {
        throw Database.missingSchema(settings);
      }
      return new Database(settings, dataSource, dialect, schema);
    } catch (SQLException e) {
      dataSource.close();
      throw ConnectionErrors.classify(settings, e);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }
}
