// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.api;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

/**
 * The one exception type of the suite. Its message is a single line for the user saying what is
 * wrong and how to fix it; the cause keeps the details (and the SQLState) for {@code -v}.
 */
public class StagingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCategory category;

  public StagingException(ErrorCategory category, String message) {
    super(message);
    this.category = category;
  }

  public StagingException(ErrorCategory category, String message, Throwable cause) {
    super(message, cause);
    this.category = category;
  }

  public ErrorCategory category() {
    return category;
  }

  /** Wraps a driver error with the context of what was being done, keeping SQLState and code. */
  public static StagingException database(String context, SQLException e) {
    SQLException reason = e;
    // A batch's own message quotes the failed statement with every value bound (PostgreSQL's
    // "Batch entry 0 INSERT ... VALUES (...)"): hundreds of characters of row data, with the
    // reason at the end. The chained exception says the reason alone.
    if (e instanceof BatchUpdateException && e.getNextException() != null) {
      reason = e.getNextException();
    }
    String state = reason.getSQLState() == null ? "" : " [SQLState " + reason.getSQLState() + "]";
    return new StagingException(
        ErrorCategory.DATABASE, context + ": " + firstLine(reason.getMessage()) + state, e);
  }

  public static StagingException configuration(String message) {
    return new StagingException(ErrorCategory.CONFIGURATION, message);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "(no message)";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message.trim() : message.substring(0, newline).trim();
  }
}
