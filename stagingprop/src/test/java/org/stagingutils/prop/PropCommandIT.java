// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.stagingutils.core.cli.CommandRun;
import org.stagingutils.core.propagate.PlannedTable;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/** stagingprop black-box: --dry-run lists the rows it would write, --script-file writes SQL. */
class PropCommandIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTRIBUTES = PlannedTable.MAX_ROWS + 5;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void dryRunListsThePlanAndScriptFileWritesItNeitherChangesAnything(DatabaseKind kind)
      throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      List<String> edits = new ArrayList<>();
      edits.add("UPDATE CATENTRY SET NAME = 'Summer dress ''24' WHERE CATENTRY_ID = 1001");
      for (int i = 0; i < ATTRIBUTES; i++) {
        edits.add(
            "INSERT INTO ATTRVAL (CATENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES (1002, 'a"
                + i
                + "', 'v')");
      }
      session.edit(edits.toArray(String[]::new));
      Map<String, List<String>> production = session.production();
      Path config = config(session);

      CommandRun text = run(config, "--dry-run");
      CommandRun json = run(config, "--dry-run", "--format", "json");
      Path script = dir.resolve("prop.sql");
      CommandRun scripted = run(config, "--script-file", script.toString());

      assertThat(text.exitCode()).as(text.err()).isZero();
      // PostgreSQL folds the unquoted names to lower case.
      assertThat(text.out().toUpperCase(java.util.Locale.ROOT))
          .startsWith(
              "DRY RUN, NOTHING CHANGED: WOULD APPLY " + ATTRIBUTES + " INSERTED, 1 UPDATED")
          .contains("PLAN:\n", "  CATENTRY UPDATE CATENTRY_ID=1001\n")
          .contains("  ATTRVAL INSERT CATENTRY_ID=1002, ATTR_NAME=A")
          .contains("  ... 5 MORE ROWS OF ATTRVAL\n");
      JsonNode summary = JSON.readTree(json.out());
      assertThat(summary.get("dryRun").asBoolean()).isTrue();
      JsonNode catentry = table(summary.get("plan"), "CATENTRY");
      assertThat(catentry.get("rows").get(0).get("action").asText()).isEqualTo("update");
      assertThat(catentry.get("rows").get(0).get("key").elements().next().asLong()).isEqualTo(1001);
      JsonNode attributes = table(summary.get("plan"), "ATTRVAL");
      assertThat(attributes.get("rows").size()).isEqualTo(PlannedTable.MAX_ROWS);
      assertThat(attributes.get("more").asLong()).isEqualTo(5);

      assertThat(scripted.exitCode()).as(scripted.err()).isZero();
      assertThat(scripted.out()).startsWith("script written to " + script + ", nothing changed");
      assertThat(Files.readString(script)).contains("Summer dress ''24", "INSERT INTO");
      assertThat(session.production()).isEqualTo(production);
      assertThat(session.pending()).isEqualTo(ATTRIBUTES + 1);
    }
  }

  /**
   * The plan names each row's change set; with --with-prerequisites that includes the rows of other
   * sets taken along (here the rename that frees the part number the selected set takes).
   */
  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void dryRunPlanNamesEachRowsChangeSet(DatabaseKind kind) throws Exception {
    try (StagingSession session = new StagingSession(kind)) {
      session.editIn(
          "rename", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001-OLD' WHERE CATENTRY_ID = 1001");
      session.editIn(
          "reuse", "UPDATE CATENTRY SET PARTNUMBER = 'AUR-DRS-001' WHERE CATENTRY_ID = 1002");
      session.edit("UPDATE CATENTRY SET NAME = 'untagged' WHERE CATENTRY_ID = 2001");
      Map<String, List<String>> production = session.production();
      Path config = config(session);

      CommandRun text = run(config, "--dry-run");
      CommandRun refused = run(config, "--dry-run", "--change-set", "reuse");
      CommandRun json =
          run(
              config,
              "--dry-run",
              "--change-set",
              "reuse",
              "--with-prerequisites",
              "--format",
              "json");

      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out().toUpperCase(java.util.Locale.ROOT))
          .contains("  CATENTRY UPDATE CATENTRY_ID=1001 (RENAME)\n")
          .contains("  CATENTRY UPDATE CATENTRY_ID=1002 (REUSE)\n")
          .contains("  CATENTRY UPDATE CATENTRY_ID=2001 (NO CHANGE SET)\n");
      assertThat(refused.exitCode()).isEqualTo(1);
      assertThat(refused.out())
          .contains("in change set rename: frees unique value", "AUR-DRS-001 of index");
      assertThat(json.exitCode()).as(json.err()).isZero();
      JsonNode rows = table(JSON.readTree(json.out()).get("plan"), "CATENTRY").get("rows");
      assertThat(rows)
          .extracting(r -> r.get("key").elements().next().asLong() + " " + r.get("changeSet"))
          .containsExactly("1001 \"rename\"", "1002 \"reuse\"");
      assertThat(session.production()).isEqualTo(production);
      assertThat(session.pending()).isEqualTo(3);
    }
  }

  private static JsonNode table(JsonNode plan, String name) {
    for (JsonNode table : plan) {
      if (table.get("table").asText().equalsIgnoreCase(name)) {
        return table;
      }
    }
    throw new AssertionError("no " + name + " in " + plan);
  }

  private Path config(StagingSession session) throws Exception {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        connection("staging", session.pair.staging())
            + connection("production", session.pair.production())
            + "scope.all="
            + String.join(",", session.tables)
            + "\n");
    return config;
  }

  private static String connection(String role, TestDatabase database) {
    return role
        + "-url="
        + database.url()
        + "\n"
        + role
        + "-user="
        + database.user()
        + "\n"
        + (database.password() == null || database.password().isEmpty()
            ? ""
            : role + "-password=" + database.password() + "\n");
  }

  private static CommandRun run(Path config, String... args) {
    List<String> all = new ArrayList<>(List.of("--config", config.toString(), "-q"));
    all.addAll(List.of(args));
    return CommandRun.execute(new PropCommand().environment(Map.of()), all.toArray(String[]::new));
  }
}
