// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabase;
import org.stagingutils.core.testdb.TestDatabases;

/**
 * Names and values written to break SQL: a table and columns named with quotes, a semicolon, a
 * comment, spaces, Unicode and reserved words; values carrying SQL, backslashes and emoji; NULLs in
 * a unique column; a 1 MB text and a 10 MB binary value. A whole session (copy, inserts, updates,
 * deletes, propagation) must carry them intact, and nothing else may change.
 */
class HostileInputIT {
  private static final String TABLE = "Order; DROP TABLE CATENTRY --\"q";
  private static final String INJECTION = "'; DROP TABLE CATENTRY; -- \\' \" `";

  @ParameterizedTest(name = "{0}")
  @EnumSource(DatabaseKind.class)
  @Timeout(180)
  void hostileNamesAndValuesArePropagatedIntact(DatabaseKind kind) throws Exception {
    try (DatabasePair pair = TestDatabases.createPair(kind)) {
      for (TestDatabase db : List.of(pair.production(), pair.staging())) {
        CatalogSchema.create(db);
        CatalogSchema.seed(db);
        db.execute(createTable(kind));
        insert(db, 1, "seeded", null, "small", new byte[] {0, 1, 2});
      }
      StagingConfig config =
          new StagingConfig(
              StagingSession.settings("staging", pair.staging()),
              StagingSession.settings("production", pair.production()),
              Map.of("all", List.of("CATENTRY", written(kind))));
      new StagingCopy()
          .copy(
              new CopyRequest(
                  config, config.scopes().get("all"), false, false, 100, Optional.empty()));

      Random random = new Random(9);
      byte[] tenMegabytes = new byte[10 * 1024 * 1024];
      random.nextBytes(tenMegabytes);
      String oneMegabyte = "ü'; \\ ".repeat(1024 * 1024 / 7) + "😀";
      insert(pair.staging(), 2, INJECTION, null, oneMegabyte, tenMegabytes);
      insert(pair.staging(), 3, "名前 ✓ 😀", "x\\y", "", new byte[0]);
      insert(pair.staging(), 4, null, null, null, null);
      Reliability.propagateAll(config);
      assertEqual(kind, pair, "after the inserts");

      byte[] otherTenMegabytes = new byte[10 * 1024 * 1024];
      random.nextBytes(otherTenMegabytes);
      update(pair.staging(), 2, "big bin", otherTenMegabytes);
      update(pair.staging(), 4, "from", "no longer NULL");
      update(pair.staging(), 1, "it's", INJECTION);
      try (Connection c = pair.staging().connection();
          PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM " + quote(kind, TABLE) + " WHERE " + q(kind, "select") + " = 3")) {
        ps.executeUpdate();
      }
      Reliability.propagateAll(config);
      assertEqual(kind, pair, "after the updates and the delete");
      assertThat(count(pair.production(), "SELECT COUNT(*) FROM CATENTRY"))
          .as("the table the names and values aim at")
          .isEqualTo(count(pair.staging(), "SELECT COUNT(*) FROM CATENTRY"))
          .isPositive();
    }
  }

  private static String createTable(DatabaseKind kind) {
    return switch (kind) {
      case POSTGRESQL ->
          "CREATE TABLE "
              + quote(kind, TABLE)
              + " (\"select\" integer PRIMARY KEY, \"it's\" varchar(200),"
              + " \"from\" varchar(40) UNIQUE, \"col with space ünï 名前\" text, \"big bin\" bytea)";
      case H2 ->
          "CREATE TABLE "
              + quote(kind, TABLE)
              + " (\"select\" integer PRIMARY KEY, \"it's\" varchar(200),"
              + " \"from\" varchar(40) UNIQUE, \"col with space ünï 名前\" CLOB, \"big bin\" BLOB)";
      case MARIADB ->
          "CREATE TABLE "
              + quote(kind, TABLE)
              + " (`select` integer PRIMARY KEY, `it's` varchar(200),"
              + " `from` varchar(40) UNIQUE, `col with space ünï 名前` LONGTEXT, `big bin` LONGBLOB)"
              + " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin";
    };
  }

  /** The table as a config file names it. */
  private static String written(DatabaseKind kind) {
    return quote(kind, TABLE);
  }

  private static String quote(DatabaseKind kind, String name) {
    String q = kind == DatabaseKind.MARIADB ? "`" : "\"";
    return q + name.replace(q, q + q) + q;
  }

  private static String q(DatabaseKind kind, String name) {
    return quote(kind, name);
  }

  private static void insert(
      TestDatabase db, int id, String text, String unique, String big, byte[] bin)
      throws SQLException {
    DatabaseKind kind = db.kind();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO "
                    + quote(kind, TABLE)
                    + " ("
                    + String.join(
                        ", ",
                        q(kind, "select"),
                        q(kind, "it's"),
                        q(kind, "from"),
                        q(kind, "col with space ünï 名前"),
                        q(kind, "big bin"))
                    + ") VALUES (?, ?, ?, ?, ?)")) {
      ps.setInt(1, id);
      ps.setString(2, text);
      ps.setString(3, unique);
      ps.setString(4, big);
      ps.setBytes(5, bin);
      ps.executeUpdate();
    }
  }

  private static void update(TestDatabase db, int id, String column, Object value)
      throws SQLException {
    DatabaseKind kind = db.kind();
    try (Connection c = db.connection();
        PreparedStatement ps =
            c.prepareStatement(
                "UPDATE "
                    + quote(kind, TABLE)
                    + " SET "
                    + q(kind, column)
                    + " = ? WHERE "
                    + q(kind, "select")
                    + " = ?")) {
      ps.setObject(1, value);
      ps.setInt(2, id);
      ps.executeUpdate();
    }
  }

  private static void assertEqual(DatabaseKind kind, DatabasePair pair, String context)
      throws Exception {
    List<String> staging = digest(pair.staging());
    assertThat(staging).as(context).hasSizeGreaterThan(1);
    assertThat(digest(pair.production())).as(context).isEqualTo(staging);
    assertThat(count(pair.staging(), "SELECT COUNT(*) FROM STAGLOG WHERE STGPROCESSED = 0"))
        .as("%s: pending", context)
        .isZero();
  }

  /** Every row, ordered by key; long values as their length and SHA-256. */
  private static List<String> digest(TestDatabase db) throws Exception {
    List<String> rows = new ArrayList<>();
    DatabaseKind kind = db.kind();
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT * FROM " + quote(kind, TABLE) + " ORDER BY " + q(kind, "select"))) {
      ResultSetMetaData md = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          Object value = md.getColumnName(i).equals("big bin") ? rs.getBytes(i) : rs.getString(i);
          row.append(md.getColumnName(i)).append('=').append(text(value)).append("; ");
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }

  private static String text(Object value) throws Exception {
    if (value == null) {
      return "NULL";
    }
    byte[] bytes =
        value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= 200 && !(value instanceof byte[])) {
      return value.toString();
    }
    return bytes.length
        + " bytes sha256 "
        + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static long count(TestDatabase db, String sql) throws SQLException {
    try (Connection c = db.connection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
