// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.config.ConnectionSettings;

/**
 * The JDBC URL reaches the driver exactly as given, parameters included: that is how TLS settings
 * (sslmode, sslrootcert, trustStore...) are passed, so the suite must never rewrite it.
 */
class UrlPassThroughTest {

  @Test
  void theUrlReachesTheDriverUntouched() throws Exception {
    String url = "jdbc:h2:mem:passthrough;LOCK_TIMEOUT=4321;MODE=Regular";
    ConnectionSettings settings =
        new ConnectionSettings("production", url, "sa", "", Optional.empty());
    try (Database database = DatabaseOpener.open(settings);
        Connection c = database.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT LOCK_TIMEOUT()")) {
      assertThat(database.dataSource().getJdbcUrl()).isEqualTo(url);
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("4321");
    }
  }
}
