// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** How to reach a database server as a user allowed to create and drop databases. */
record ServerEndpoint(DatabaseKind kind, String adminUrl, String user, String password) {

  Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(adminUrl, user, password);
  }

  /**
   * The admin URL with its database replaced by {@code database}, keeping host, port and
   * parameters, e.g. {@code jdbc:postgresql://h:5432/postgres?ssl=false} becomes {@code
   * jdbc:postgresql://h:5432/stg_1f0c?ssl=false}.
   */
  String urlOf(String database) {
    int authority = adminUrl.indexOf("//");
    if (authority < 0) {
      throw new IllegalArgumentException(
          "Expected jdbc:<driver>://host[:port]/..., got " + adminUrl);
    }
    int query = adminUrl.indexOf('?', authority + 2);
    int end = query < 0 ? adminUrl.length() : query;
    int path = adminUrl.indexOf('/', authority + 2);
    int hostEnd = path < 0 || path > end ? end : path;
    return adminUrl.substring(0, hostEnd) + "/" + database + adminUrl.substring(end);
  }
}
