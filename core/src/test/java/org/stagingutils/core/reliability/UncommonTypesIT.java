// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * A staged table made of each dialect's less common column types (enums, ranges, geometric and
 * network types, arrays, XML, JSON, intervals, bit strings...). A whole session (copy, then
 * inserts, updates and a delete touching every column, then propagation) must leave production
 * equal to staging row for row.
 */
class UncommonTypesIT {
  private static final String TABLE = "ODDTYPES";
  private static final String KEYED = "ODDKEYS";

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void uncommonColumnTypesArePropagatedIntact(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(schema(kind).toArray(String[]::new));
        db.execute(insert(kind, 1, 0));
      }
      StagingConfig config =
          new StagingConfig(
              StagingSession.settings("staging", pair.staging()),
              StagingSession.settings("production", pair.production()),
              Map.of("all", List.of(TABLE)));
      new StagingCopy()
          .copy(
              new CopyRequest(
                  config, config.scopes().get("all"), false, false, 100, Optional.empty()));
      assertThat(rows(pair.production())).as("after the copy").isEqualTo(rows(pair.staging()));

      pair.staging().execute(insert(kind, 2, 1), insert(kind, 3, 0), insert(kind, 4, 1));
      pair.staging().execute("INSERT INTO " + TABLE + " (ID) VALUES (5)");
      Reliability.propagateAll(config);
      assertConverged(pair, "after the inserts");

      pair.staging().execute(update(kind, 1, 1), update(kind, 2, 0), update(kind, 5, 1));
      pair.staging().execute(nulls(kind, 3), "DELETE FROM " + TABLE + " WHERE ID = 4");
      Reliability.propagateAll(config);
      assertConverged(pair, "after the updates and the delete");
    }
  }

  /**
   * A key column of a type read as text or bound with a cast (MariaDB TIME, PostgreSQL enum): rows
   * found, moved to another key and deleted by it, the key also part of a unique index.
   */
  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void keysOfUncommonTypesAreMovedAndDeleted(DatabaseKind kind) throws Exception {
    List<String> keys = keyValues(kind);
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(keyedSchema(kind).toArray(String[]::new));
        db.execute(keyedInsert(1, keys.get(0), "a"));
      }
      StagingConfig config =
          new StagingConfig(
              StagingSession.settings("staging", pair.staging()),
              StagingSession.settings("production", pair.production()),
              Map.of("all", List.of(KEYED)));
      new StagingCopy()
          .copy(
              new CopyRequest(
                  config, config.scopes().get("all"), false, false, 100, Optional.empty()));
      assertThat(rows(pair.production(), KEYED)).isEqualTo(rows(pair.staging(), KEYED));

      pair.staging()
          .execute(
              keyedInsert(2, keys.get(1), "b"),
              keyedInsert(3, keys.get(2), "c"),
              "UPDATE " + KEYED + " SET K = " + keys.get(1) + " WHERE ID = 1",
              "UPDATE " + KEYED + " SET V = 'bb' WHERE ID = 2");
      Reliability.propagateAll(config);
      assertConverged(pair, KEYED, "after moving a key");

      pair.staging()
          .execute(
              "UPDATE " + KEYED + " SET K = " + keys.get(2) + ", V = 'aa' WHERE ID = 1",
              "DELETE FROM " + KEYED + " WHERE ID = 3");
      Reliability.propagateAll(config);
      assertConverged(pair, KEYED, "after moving it again and a delete");
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void typesThatWouldNotRoundTripAreRefusedBeforeAnythingIsWritten(DatabaseKind kind)
      throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        db.execute(refusedSchema(kind).toArray(String[]::new));
      }
      pair.staging().execute("INSERT INTO " + TABLE + " (ID) VALUES (1)");
      for (Map.Entry<String, String> refused : refusedTypes(kind).entrySet()) {
        for (TestDatabase db : List.of(pair.production(), pair.staging())) {
          db.execute("ALTER TABLE " + TABLE + " ADD C_REFUSED " + refused.getKey());
        }
        StagingConfig config =
            new StagingConfig(
                StagingSession.settings("staging", pair.staging()),
                StagingSession.settings("production", pair.production()),
                Map.of("all", List.of(TABLE)));
        List<String> production = rows(pair.production());
        List<String> staging = rows(pair.staging());
        assertRefused(
            () ->
                new StagingCopy()
                    .copy(
                        new CopyRequest(
                            config,
                            config.scopes().get("all"),
                            false,
                            false,
                            100,
                            Optional.empty())),
            refused.getValue());
        assertRefused(() -> Reliability.propagateAll(config), refused.getValue());
        assertThat(rows(pair.production())).as(refused.getKey()).isEqualTo(production);
        assertThat(rows(pair.staging())).as(refused.getKey()).isEqualTo(staging);
        for (TestDatabase db : List.of(pair.production(), pair.staging())) {
          db.execute("ALTER TABLE " + TABLE + " DROP COLUMN C_REFUSED");
        }
      }
    }
  }

  private static void assertRefused(ThrowingCallable run, String typeName) {
    assertThatThrownBy(run)
        .isInstanceOfSatisfying(
            StagingException.class,
            e -> assertThat(e.category()).isEqualTo(ErrorCategory.CONFIGURATION))
        .message()
        .doesNotContain("\n")
        .containsIgnoringCase(TABLE)
        .containsIgnoringCase("C_REFUSED")
        .containsIgnoringCase("type " + typeName)
        .contains("remove the table from the scope");
  }

  private static List<String> refusedSchema(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL, H2 -> List.of("CREATE TABLE " + TABLE + " (ID integer PRIMARY KEY)");
      case MARIADB -> List.of("CREATE TABLE " + TABLE + " (ID integer PRIMARY KEY) ENGINE=InnoDB");
    };
  }

  /** A table keyed by an ID and a column of an uncommon type, which a unique index also covers. */
  private static List<String> keyedSchema(DatabaseKind kind) {
    String columns = " (ID integer NOT NULL, K %s NOT NULL, V varchar(20), PRIMARY KEY (ID, K))";
    String unique = "CREATE UNIQUE INDEX ODDKEYS_V ON " + KEYED + " (V, K)";
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              "CREATE TYPE MOOD AS ENUM ('sad', 'ok', 'happy')",
              "CREATE TABLE " + KEYED + columns.formatted("MOOD"),
              unique);
      case MARIADB ->
          List.of(
              "CREATE TABLE " + KEYED + columns.formatted("TIME(6)") + " ENGINE=InnoDB", unique);
      case H2 ->
          List.of(
              "CREATE TABLE " + KEYED + columns.formatted("ENUM('sad', 'ok', 'happy')"), unique);
    };
  }

  /** Three key values as SQL literals, the first two beyond what the driver's objects hold. */
  private static List<String> keyValues(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL, H2 -> List.of("'happy'", "'sad'", "'ok'");
      case MARIADB -> List.of("'-838:59:59.000000'", "'25:30:00.123456'", "'00:00:00.5'");
    };
  }

  private static String keyedInsert(int id, String key, String value) {
    return "INSERT INTO " + KEYED + " (ID, K, V) VALUES (" + id + ", " + key + ", '" + value + "')";
  }

  /** Each refused column definition and the type name the refusal shows. */
  private static Map<String, String> refusedTypes(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL -> Map.of("money", "money");
      case MARIADB -> Map.of("BIT(8)", "BIT");
      case H2 -> Map.of("INTEGER ARRAY", "INTEGER ARRAY");
    };
  }

  /** The type definitions and the table, identical in both databases. */
  private static List<String> schema(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              "CREATE TYPE MOOD AS ENUM ('sad', 'ok', 'happy')",
              // Outside the search path and mixed case: the cast must qualify and quote it.
              "CREATE SCHEMA \"Odd Types\"",
              "CREATE TYPE \"Odd Types\".\"Mood\" AS ENUM ('a b', 'it''s', 'Ünï')",
              "CREATE TABLE "
                  + TABLE
                  + " (ID integer PRIMARY KEY, C_RANGE int4range, C_POINT point,"
                  + " C_TSVECTOR tsvector, C_INET inet, C_INTERVAL interval,"
                  + " C_ARRAY integer[], C_XML xml, C_MOOD MOOD,"
                  + " C_ODD_MOOD \"Odd Types\".\"Mood\")");
      case MARIADB ->
          List.of(
              "CREATE TABLE "
                  + TABLE
                  + " (ID integer PRIMARY KEY, C_ENUM ENUM('sad', 'ok', 'happy'),"
                  + " C_SET SET('red', 'green', 'blue'),"
                  + " C_JSON JSON, C_TIME TIME(6), C_TIME0 TIME, C_YEAR YEAR) ENGINE=InnoDB");
      case H2 ->
          List.of(
              "CREATE TABLE "
                  + TABLE
                  + " (ID integer PRIMARY KEY, C_ENUM ENUM('sad', 'ok', 'happy'),"
                  + " C_INTERVAL INTERVAL DAY TO SECOND, C_JSON JSON,"
                  + " C_UUID UUID, C_TIMETZ TIME WITH TIME ZONE)");
    };
  }

  /** Two sets of values per dialect, as SQL literals (fixed test data, nothing user-supplied). */
  private static List<String> values(DatabaseKind kind, int variant) {
    return switch (kind) {
      case POSTGRESQL ->
          variant == 0
              ? List.of(
                  "'[1,10)'",
                  "'(1.5,-2.25)'",
                  "'the quick brown fox'",
                  "'192.168.0.1/24'",
                  "'1 year 2 mons 3 days 04:05:06.789'",
                  "'{1,2,NULL,4}'",
                  "'<a x=\"1\">b &amp; c</a>'",
                  "'happy'",
                  "'it''s'")
              : List.of(
                  "'empty'",
                  "'(0,0)'",
                  "'jumps:1A over:2B'",
                  "'::1'",
                  "'-3 days 00:00:01'",
                  "'{}'",
                  "'<doc/>'",
                  "'sad'",
                  "'Ünï'");
      case MARIADB ->
          variant == 0
              ? List.of(
                  "'happy'",
                  "'red,blue'",
                  "'{\"a\": [1, 2.5, null], \"b\": \"x\\\\\"y\"}'",
                  "'-838:59:59.000000'",
                  "'25:30:00'",
                  "2024")
              : List.of("'sad'", "''", "'[]'", "'25:30:00.123456'", "'-00:00:01'", "1901");
      case H2 ->
          variant == 0
              ? List.of(
                  "'happy'",
                  "INTERVAL '3 04:05:06.789' DAY TO SECOND",
                  "JSON '{\"a\": [1, 2.5, null]}'",
                  "'123e4567-e89b-12d3-a456-426614174000'",
                  "TIME WITH TIME ZONE '10:11:12.5+05:30'")
              : List.of(
                  "'sad'",
                  "INTERVAL '-1 00:00:01' DAY TO SECOND",
                  "JSON '[]'",
                  "'00000000-0000-0000-0000-000000000000'",
                  "TIME WITH TIME ZONE '00:00:00-12:00'");
    };
  }

  private static List<String> columns(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          List.of(
              "C_RANGE",
              "C_POINT",
              "C_TSVECTOR",
              "C_INET",
              "C_INTERVAL",
              "C_ARRAY",
              "C_XML",
              "C_MOOD",
              "C_ODD_MOOD");
      case MARIADB -> List.of("C_ENUM", "C_SET", "C_JSON", "C_TIME", "C_TIME0", "C_YEAR");
      case H2 -> List.of("C_ENUM", "C_INTERVAL", "C_JSON", "C_UUID", "C_TIMETZ");
    };
  }

  private static String insert(DatabaseKind kind, int id, int variant) {
    return "INSERT INTO "
        + TABLE
        + " (ID, "
        + String.join(", ", columns(kind))
        + ") VALUES ("
        + id
        + ", "
        + String.join(", ", values(kind, variant))
        + ")";
  }

  private static String update(DatabaseKind kind, int id, int variant) {
    List<String> columns = columns(kind);
    List<String> values = values(kind, variant);
    List<String> assignments = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      assignments.add(columns.get(i) + " = " + values.get(i));
    }
    return "UPDATE " + TABLE + " SET " + String.join(", ", assignments) + " WHERE ID = " + id;
  }

  private static String nulls(DatabaseKind kind, int id) {
    return "UPDATE "
        + TABLE
        + " SET "
        + String.join(", ", columns(kind).stream().map(c -> c + " = NULL").toList())
        + " WHERE ID = "
        + id;
  }

  private static void assertConverged(DatabasePair pair, String context) throws SQLException {
    assertConverged(pair, TABLE, context);
  }

  private static void assertConverged(DatabasePair pair, String table, String context)
      throws SQLException {
    List<String> staging = rows(pair.staging(), table);
    assertThat(staging).as(context).hasSizeGreaterThanOrEqualTo(2);
    assertThat(rows(pair.production(), table)).as(context).isEqualTo(staging);
    try (Connection c = pair.staging().connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0")) {
      rs.next();
      assertThat(rs.getLong(1)).as("%s: pending", context).isZero();
    }
  }

  /** Every row ordered by key, each column as the driver's text and its getObject rendering. */
  private static List<String> rows(TestDatabase db) throws SQLException {
    return rows(db, TABLE);
  }

  private static List<String> rows(TestDatabase db, String table) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM " + table + " ORDER BY ID")) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.append(md.getColumnName(i))
              .append('=')
              .append(rs.getString(i))
              .append(" / ")
              .append(rendering(rs, i))
              .append("; ");
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static String rendering(ResultSet rs, int column) throws SQLException {
    Object value;
    try {
      value = rs.getObject(column);
    } catch (SQLException e) {
      // pgjdbc reads money as a double and cannot parse its own "1,234.56": the text must do.
      return "(no object: " + e.getMessage() + ")";
    }
    if (value instanceof java.sql.Array array) {
      return java.util.Arrays.deepToString((Object[]) array.getArray());
    }
    if (value instanceof java.sql.SQLXML xml) {
      return xml.getString();
    }
    if (value instanceof byte[] bytes) {
      return java.util.HexFormat.of().formatHex(bytes);
    }
    return String.valueOf(value);
  }
}
