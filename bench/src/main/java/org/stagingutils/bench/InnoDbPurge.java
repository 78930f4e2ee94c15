// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for InnoDB's purge to have cleaned up after every transaction committed so far: until then
 * the old versions and delete-marked index entries of an update of a million change-log rows are
 * still there for the next reader to skip. The history list length alone cannot tell, as it counts
 * transactions (a million-row update is one) and other clients of a shared server add to it.
 */
final class InnoDbPurge {
  private static final Logger LOG = LoggerFactory.getLogger(InnoDbPurge.class);
  private static final Pattern COUNTER = Pattern.compile("Trx id counter (\\d+)");
  private static final Pattern PURGED = Pattern.compile("Purge done for trx's n:o < (\\d+)");

  private final Connection connection;

  InnoDbPurge(Connection connection) {
    this.connection = connection;
  }

  /**
   * Returns once the purge passed the transactions committed before the call, or after {@code max}.
   */
  void awaitCaughtUp(Duration max) throws SQLException {
    long started = System.nanoTime();
    long target = read(COUNTER).orElse(0);
    long purged = read(PURGED).orElse(Long.MAX_VALUE);
    while (purged < target) {
      if (System.nanoTime() - started > max.toNanos()) {
        LOG.warn(
            "InnoDB purge still behind after {} s (done below {}, waited for {}): measuring anyway",
            max.toSeconds(),
            purged,
            target);
        return;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new BenchException("interrupted while waiting for the InnoDB purge", e);
      }
      purged = read(PURGED).orElse(Long.MAX_VALUE);
    }
    LOG.info("InnoDB purge caught up in {} ms", (System.nanoTime() - started) / 1_000_000);
  }

  private OptionalLong read(Pattern pattern) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet status = statement.executeQuery("SHOW ENGINE INNODB STATUS")) {
      if (!status.next()) {
        return OptionalLong.empty();
      }
      Matcher matcher = pattern.matcher(status.getString("Status"));
      return matcher.find()
          ? OptionalLong.of(Long.parseLong(matcher.group(1)))
          : OptionalLong.empty();
    }
  }
}
