// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;
import java.util.function.LongFunction;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * Edits of many catalog rows at once, in multi-row statements, so that a propagation or a copy has
 * thousands of rows to move and runs long enough to be interrupted. Product {@code id} has one list
 * price and one attribute; ids are chosen by the caller, away from the seed rows.
 */
final class BulkEdits {
  private static final int ROWS_PER_STATEMENT = 250;

  private final TestDatabase database;

  BulkEdits(TestDatabase database) {
    this.database = database;
  }

  /** Products {@code first..first+count-1} with their price and attribute. */
  void insert(long first, int count) throws SQLException {
    try (Connection c = database.connection();
        Statement s = c.createStatement()) {
      values(
          s,
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, LAST_UPDATE, GUID) VALUES ",
          first,
          count,
          id ->
              "("
                  + id
                  + ", 'B-"
                  + id
                  + "', 'bulk "
                  + id
                  + "', "
                  + (id % 500)
                  + ".25, TIMESTAMP '2024-05-01 10:00:00', '"
                  + String.format("00000000-0000-4000-8000-%012d", id)
                  + "')");
      values(
          s,
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES ",
          first,
          count,
          id -> "(" + id + ", 'USD', DATE '2024-01-01', " + (id % 300) + ".5)");
      values(
          s,
          "INSERT INTO ATTRVAL (CATENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES ",
          first,
          count,
          id -> "(" + id + ", 'color', 'c" + (id % 7) + "')");
    }
  }

  /** New names and prices for products {@code first..last}, and new list prices. */
  void update(long first, long last, int round) throws SQLException {
    database.execute(
        "UPDATE CATENTRY SET NAME = 'renamed in round "
            + round
            + "', PRICE = PRICE + 1 WHERE CATENTRY_ID BETWEEN "
            + first
            + " AND "
            + last,
        "UPDATE LISTPRICE SET PRICE = PRICE + "
            + round
            + " WHERE CATENTRY_ID BETWEEN "
            + first
            + " AND "
            + last);
  }

  /** Deletes products {@code first..last}; their prices and attributes go by cascade. */
  void delete(long first, long last) throws SQLException {
    database.execute("DELETE FROM CATENTRY WHERE CATENTRY_ID BETWEEN " + first + " AND " + last);
  }

  /**
   * Fills production's CATENTRY with {@code count} generated products from id {@code first}, on the
   * server (no round trips), for copies that must take a while.
   */
  static void generate(TestDatabase database, long first, int count) throws SQLException {
    long last = first + count - 1;
    String select =
        database.kind() == DatabaseKind.POSTGRESQL
            ? "SELECT g, 'G-' || g, 'generated ' || g, (g % 500) + 0.25,"
                + " TIMESTAMP '2024-05-01 10:00:00', md5(g::text)::uuid,"
                + " repeat('x', 200) FROM generate_series("
                + first
                + ", "
                + last
                + ") g"
            : "SELECT seq, CONCAT('G-', seq), CONCAT('generated ', seq), (seq % 500) + 0.25,"
                + " TIMESTAMP '2024-05-01 10:00:00', UUID(), REPEAT('x', 200) FROM seq_"
                + first
                + "_to_"
                + last;
    database.execute(
        "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, LAST_UPDATE, GUID,"
            + " LONG_DESCRIPTION) "
            + select);
  }

  private static void values(
      Statement s, String insert, long first, int count, LongFunction<String> row)
      throws SQLException {
    for (long start = first; start < first + count; start += ROWS_PER_STATEMENT) {
      StringJoiner rows = new StringJoiner(", ", insert, "");
      for (long id = start; id < Math.min(first + count, start + ROWS_PER_STATEMENT); id++) {
        rows.add(row.apply(id));
      }
      s.execute(rows.toString());
    }
  }
}
