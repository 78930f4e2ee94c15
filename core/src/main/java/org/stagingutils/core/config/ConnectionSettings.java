// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.config;

import java.util.Optional;

/**
 * Where one database is: JDBC URL, user, password and the schema holding the staged tables (empty:
 * the connection's current schema). {@link #toString()} never shows the password.
 */
public record ConnectionSettings(
    String role, String url, String user, String password, Optional<String> schema) {

  public ConnectionSettings {
    schema = schema == null ? Optional.empty() : schema.filter(s -> !s.isBlank());
  }

  /** The URL with any password parameter masked, safe to print. */
  public String redactedUrl() {
    return JdbcUrls.redact(url);
  }

  @Override
  public String toString() {
    return role + " " + redactedUrl() + (user == null ? "" : " as " + user);
  }
}
