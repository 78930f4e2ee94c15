// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.stagingutils.core.testdb.DatabaseKind;

/**
 * Random edits of the catalog as editors make them. Each statement runs on its own; one the
 * database rejects (a foreign key, a unique index) is simply not part of the workload, so what
 * remains is always a valid edit history, including cascades, key updates and re-parenting.
 */
public final class RandomWorkload {
  private final Random random;
  private final Function<String, String> quote;
  private final List<String> history = new java.util.ArrayList<>();

  public RandomWorkload(long seed, Function<String, String> quote) {
    this.random = new Random(seed);
    this.quote = quote;
  }

  /**
   * The (database, seed) cases of a property test: seeds 1 to {@code defaultSeeds}, or {@code
   * -Dworkload.seed=FIRST -Dworkload.seeds=COUNT}, on every database or those of {@code
   * -Dworkload.kinds=MARIADB,H2}.
   */
  public static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> cases(
      int defaultSeeds) {
    long first = Long.getLong("workload.seed", 1);
    int seeds = Integer.getInteger("workload.seeds", defaultSeeds);
    return java.util.stream.Stream.of(DatabaseKind.values())
        .filter(
            kind ->
                List.of(System.getProperty("workload.kinds", kind.name()).split(","))
                    .contains(kind.name()))
        .flatMap(
            kind ->
                java.util.stream.Stream.iterate(first, s -> s + 1)
                    .limit(seeds)
                    .map(s -> org.junit.jupiter.params.provider.Arguments.of(kind, s)));
  }

  public int applied() {
    return history.size();
  }

  /** The statements applied so far, in order: the history to replay when a seed fails. */
  public List<String> history() {
    return List.copyOf(history);
  }

  public void run(Connection staging, int statements) throws SQLException {
    run(staging, statements, (connection, random) -> {});
  }

  /** What an editing application does on its connection before each statement. */
  @FunctionalInterface
  public interface BeforeStatement {
    void prepare(Connection staging, Random random) throws SQLException;
  }

  /** Runs {@code statements} random edits, calling {@code before} ahead of each. */
  public void run(Connection staging, int statements, BeforeStatement before) throws SQLException {
    try (Statement s = staging.createStatement()) {
      for (int i = 0; i < statements; i++) {
        before.prepare(staging, random);
        String sql = next();
        try {
          s.execute(sql);
          history.add(sql);
        } catch (SQLException rejected) {
          // not a valid edit in the current state: editors would have been refused too
        }
      }
    }
  }

  private String next() {
    int group = pick(100, 101, 102, 150, 200, 300, 301, 302, 303);
    int entry = pick(1001, 1002, 2001, 3001, 3002, 3003, 3004);
    String part = "'P-" + random.nextInt(6) + "'";
    String currency = "'" + pick("USD", "EUR", "GBP") + "'";
    String date = "DATE '2024-0" + (1 + random.nextInt(6)) + "-01'";
    String attr = "'" + pick("color", "size", "fit", "waterproof") + "'";
    String promo = quote.apply("PromoRule");
    return switch (random.nextInt(27)) {
      case 0, 1 ->
          "INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER) VALUES ("
              + group
              + ", 10, "
              + pick("NULL", "100", "300", "301")
              + ", 'g"
              + random.nextInt(99)
              + "')";
      case 2, 3 ->
          "UPDATE CATGROUP SET PARENT_ID = "
              + pick("NULL", "100", "101", "300", "302")
              + " WHERE CATGROUP_ID = "
              + group;
      case 4 -> "DELETE FROM CATGROUP WHERE CATGROUP_ID = " + group;
      case 5, 6 ->
          "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, LAST_UPDATE, GUID)"
              + " VALUES ("
              + entry
              + ", "
              + part
              + ", 'n"
              + random.nextInt(99)
              + "', "
              + random.nextInt(500)
              + ".25, TIMESTAMP '2024-05-0"
              + (1 + random.nextInt(8))
              + " 10:00:00', '11111111-2222-4333-8444-55555555"
              + (1000 + random.nextInt(9000))
              + "')";
      case 7, 8 ->
          "UPDATE CATENTRY SET PRICE = "
              + random.nextInt(900)
              + ".5, NAME = 'u"
              + random.nextInt(99)
              + "' WHERE CATENTRY_ID = "
              + entry;
      case 9 -> "UPDATE CATENTRY SET PARTNUMBER = " + part + " WHERE CATENTRY_ID = " + entry;
      case 10 ->
          "UPDATE CATENTRY SET CATENTRY_ID = "
              + pick(3001, 3002, 3005, 3006)
              + " WHERE CATENTRY_ID = "
              + entry;
      case 11 -> "DELETE FROM CATENTRY WHERE CATENTRY_ID = " + entry;
      case 12, 13 ->
          "INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES ("
              + entry
              + ", "
              + currency
              + ", "
              + date
              + ", "
              + random.nextInt(300)
              + ")";
      case 14 ->
          "UPDATE LISTPRICE SET START_DATE = "
              + date
              + " WHERE CATENTRY_ID = "
              + entry
              + " AND CURRENCY = "
              + currency;
      case 15 -> "UPDATE LISTPRICE SET PRICE = PRICE + 1 WHERE CURRENCY = " + currency;
      case 16 ->
          "DELETE FROM LISTPRICE WHERE CATENTRY_ID = " + entry + " AND CURRENCY = " + currency;
      case 17 ->
          "INSERT INTO ATTRVAL (CATENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES ("
              + entry
              + ", "
              + attr
              + ", 'v"
              + random.nextInt(9)
              + "')";
      case 18 ->
          "UPDATE ATTRVAL SET ATTR_NAME = "
              + attr
              + " WHERE CATENTRY_ID = "
              + entry
              + " AND ATTR_NAME = "
              + attr.replace("'", "'x").replace("x", "");
      case 19 ->
          "INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ) VALUES ("
              + group
              + ", "
              + entry
              + ", "
              + random.nextInt(5)
              + ")";
      case 20 ->
          "INSERT INTO "
              + promo
              + " ("
              + quote.apply("RuleId")
              + ", "
              + quote.apply("Description")
              + ", "
              + quote.apply("CatEntryId")
              + ") VALUES ("
              + random.nextInt(6)
              + ", 'r"
              + random.nextInt(99)
              + "', "
              + entry
              + ")";
        // a key change, allowed once nothing points at the row: its children went or moved first
      case 22 ->
          "UPDATE CATGROUP SET CATGROUP_ID = "
              + pick(101, 150, 302, 303)
              + " WHERE CATGROUP_ID = "
              + group;
      case 23 -> "DELETE FROM CATGPENREL WHERE CATGROUP_ID = " + group;
      case 24 ->
          "UPDATE CATGPENREL SET CATGROUP_ID = "
              + pick(100, 150, 200, 300)
              + " WHERE CATGROUP_ID = "
              + group;
      case 25 ->
          "UPDATE "
              + promo
              + " SET "
              + quote.apply("CatEntryId")
              + " = "
              + entry
              + " WHERE "
              + quote.apply("RuleId")
              + " = "
              + random.nextInt(6);
      case 26 -> "DELETE FROM ATTRVAL WHERE CATENTRY_ID = " + entry;
      default ->
          "DELETE FROM " + promo + " WHERE " + quote.apply("RuleId") + " = " + random.nextInt(6);
    };
  }

  @SafeVarargs
  private <T> T pick(T... values) {
    return values[random.nextInt(values.length)];
  }

  public List<String> sample(int count) {
    return java.util.stream.IntStream.range(0, count).mapToObj(i -> next()).toList();
  }
}
