// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * stagingprop --script-file: the script changes nothing when written; run on production by the
 * database's own executor, it leaves production exactly as a real propagation of the same edits
 * does, and the next run finds nothing left to write.
 */
class PropagationScriptIT {

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void theScriptDoesWhatARunDoes(DatabaseKind kind, @TempDir Path dir) throws Exception {
    try (StagingSession scripted = new StagingSession(kind);
        StagingSession propagated = new StagingSession(kind)) {
      edit(scripted);
      edit(propagated);
      var before = scripted.production();
      Path script = dir.resolve("prop.sql");

      PropagationResult written = new StagingPropagation().propagate(request(scripted, script));

      assertThat(written.refused()).as("%s", written.conflicts()).isFalse();
      assertThat(written.dryRun()).isTrue();
      assertThat(written.scriptFile()).contains(script);
      assertThat(scripted.production()).isEqualTo(before);
      assertThat(scripted.pending()).isPositive();
      String sql = Files.readString(script);
      assertThat(sql).contains("INSERT INTO", "UPDATE", "DELETE FROM", "O''Brien");

      runScript(scripted.pair.production(), script);
      PropagationResult real = propagated.propagate(ConflictPolicy.FAIL);

      assertThat(real.refused()).isFalse();
      assertThat(scripted.production()).isEqualTo(propagated.production());
      assertThat(scripted.production()).isEqualTo(scripted.staging());
      PropagationResult after = scripted.propagate(ConflictPolicy.FAIL);
      assertThat(after.conflicts()).isEmpty();
      assertThat(after.inserted() + after.updated() + after.deleted()).isZero();
      assertThat(scripted.pending()).isZero();
    }
  }

  /** Values that literals get wrong when rendered carelessly, key moves and the category tree. */
  private static void edit(StagingSession session) throws Exception {
    String bytes =
        switch (session.kind) {
          case POSTGRESQL -> "'\\x00ff27275c'::bytea";
          default -> "X'00ff27275c'";
        };
    String json = session.kind == DatabaseKind.H2 ? " FORMAT JSON" : "";
    session.edit(
        "INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, WEIGHT, AVAILABLE_FROM,"
            + " LAST_UPDATE, LONG_DESCRIPTION, THUMBNAIL, ATTRIBUTES, GUID, FIELD1) VALUES (3001,"
            + " 'NEW-''1', 'O''Brien \\ \"quoted\"; -- not a comment', 12.34, 0.1,"
            + " DATE '2024-02-29', TIMESTAMP '2024-05-01 10:00:00.123456',"
            + " 'caf\u00e9 \u2615\nsecond line', "
            + bytes
            + ", '{\"a\": \"b''c\"}'"
            + json
            + ", '11111111-2222-4333-8444-555555555555', NULL)",
        "UPDATE CATENTRY SET NAME = 'Summer dress ''24', THUMBNAIL = NULL, PRICE = NULL"
            + " WHERE CATENTRY_ID = 1001",
        // a unique value swap, which a run parks on a placeholder
        "UPDATE CATENTRY SET PARTNUMBER = 'TMP' WHERE CATENTRY_ID = 1001",
        "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001' WHERE CATENTRY_ID = 2001",
        "UPDATE CATENTRY SET PARTNUMBER = 'OUT-JKT-001' WHERE CATENTRY_ID = 1001",
        "UPDATE ATTRVAL SET ATTR_NAME = 'colour' WHERE CATENTRY_ID = 1001 AND ATTR_NAME = 'color'",
        "INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER) VALUES"
            + " (300, 10, NULL, 'Sale')",
        "INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER) VALUES"
            + " (301, 10, 300, 'Sale dresses')",
        "UPDATE CATGROUP SET PARENT_ID = 301 WHERE CATGROUP_ID = 102",
        "UPDATE LISTPRICE SET START_DATE = DATE '2024-07-01' WHERE CATENTRY_ID = 1001"
            + " AND CURRENCY = 'USD' AND START_DATE = DATE '2024-06-01'",
        "DELETE FROM CATGROUP WHERE CATGROUP_ID = 200");
  }

  private static PropagationRequest request(StagingSession session, Path script) {
    PropagationRequest all = session.request(ConflictPolicy.FAIL);
    return new PropagationRequest(
        all.config(),
        all.tables(),
        all.onConflict(),
        all.transaction(),
        2, // small batches: the script must keep a run's order across batches
        false,
        Optional.of(script),
        Optional.empty(),
        all.retainDays(),
        List.of(),
        false);
  }

  /** The whole script as one multi-statement execution, as the database's own client runs it. */
  private static void runScript(TestDatabase production, Path script) throws Exception {
    if (production.kind() == DatabaseKind.H2) {
      production.execute("RUNSCRIPT FROM '" + script + "'");
      return;
    }
    String url = production.url();
    if (production.kind() == DatabaseKind.MARIADB) {
      url += (url.contains("?") ? "&" : "?") + "allowMultiQueries=true";
    }
    try (Connection c = DriverManager.getConnection(url, production.user(), production.password());
        Statement s = c.createStatement()) {
      s.execute(Files.readString(script));
    }
  }
}
