// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.net.URI;

/** Where a database server listens and who to log in as, read from the JDBC URL given. */
record ServerAddress(String adminUrl, String host, int port, String user, String password) {

  static ServerAddress parse(String jdbcUrl, int defaultPort, String user, String password) {
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new BenchException(
          "not a JDBC URL: " + jdbcUrl + " (expected e.g. jdbc:postgresql://host:5432/postgres)");
    }
    URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
    if (uri.getHost() == null) {
      throw new BenchException("no host in " + jdbcUrl + " (expected jdbc:KIND://host:port/...)");
    }
    int port = uri.getPort() < 0 ? defaultPort : uri.getPort();
    return new ServerAddress(jdbcUrl, uri.getHost(), port, user, password == null ? "" : password);
  }
}
