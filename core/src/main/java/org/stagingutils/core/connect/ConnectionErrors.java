// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.connect;

import java.sql.SQLException;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.ConnectionSettings;

/**
 * Turns a failed connection attempt into one line a DBA can act on. Classified by SQLState class,
 * which every driver reports, rather than by vendor.
 */
final class ConnectionErrors {
  private ConnectionErrors() {}

  static StagingException classify(ConnectionSettings settings, Throwable failure) {
    SQLException sql = findSqlException(failure);
    String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
    String where = settings.role() + " database " + settings.redactedUrl();
    String detail = firstLine(sql != null ? sql.getMessage() : failure.getMessage());
    String option = "--" + settings.role();
    if (state.startsWith("28")) {
      return new StagingException(
          ErrorCategory.CONFIGURATION,
          "cannot log in to the "
              + where
              + " as "
              + settings.user()
              + ": check "
              + option
              + "-user and "
              + option
              + "-password",
          failure);
    }
    if (state.equals("3D000") || state.startsWith("42000") && detail.contains("Unknown database")) {
      return new StagingException(
          ErrorCategory.CONFIGURATION,
          "the " + where + " does not exist: check " + option + "-url (" + detail + ")",
          failure);
    }
    if (detail.contains("No suitable driver") || detail.contains("Invalid JDBC URL")) {
      return new StagingException(
          ErrorCategory.CONFIGURATION,
          "malformed " + option + "-url " + settings.redactedUrl() + ": " + detail,
          failure);
    }
    return new StagingException(
        ErrorCategory.DATABASE,
        "cannot reach the "
            + where
            + ": "
            + detail
            + (state.isEmpty() ? "" : " [SQLState " + state + "]"),
        failure);
  }

  private static SQLException findSqlException(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException e) {
        return e;
      }
    }
    return null;
  }

  private static String firstLine(String message) {
    return message == null ? "(no message)" : message.lines().findFirst().orElse("").trim();
  }
}
