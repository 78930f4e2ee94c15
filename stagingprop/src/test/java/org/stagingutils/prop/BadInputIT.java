// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.stagingutils.core.cli.CommandRun;
import org.stagingutils.core.propagate.StagingSession;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.TestDatabase;

/**
 * stagingprop given bad input, black-box: each case exits with the code SPEC.md documents, says
 * what is wrong in one line naming the culprit, never prints the password (not on stdout, not in
 * the error, not in the log), and changes nothing in either database.
 */
class BadInputIT {
  private static final String PASSWORD = "s3cret-Pw-never-printed";

  @TempDir Path dir;

  /** One bad input: how to break an otherwise good run, the exit code and the line expected. */
  record Case(String name, Breakage breakage, int exitCode, String expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  @FunctionalInterface
  interface Breakage {
    /** Adds to the config file and the command line of a good run. */
    void apply(StagingSession session, List<String> config, List<String> args) throws Exception;
  }

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (DatabaseKind kind : DatabaseKind.values()) {
      for (Case c : configurationCases()) {
        if (kind == DatabaseKind.H2 || c.name().startsWith("connection")) {
          cases.add(Arguments.of(kind, c));
        }
      }
    }
    return cases.stream();
  }

  private static List<Case> configurationCases() {
    return List.of(
        new Case(
            "missing config file",
            (s, config, args) ->
                args.addAll(List.of("--config", "/nonexistent/staging.properties")),
            2,
            "not found"),
        new Case(
            "malformed config file",
            (s, config, args) -> config.add("scope.bad=\\uZZZZ"),
            2,
            "cannot read config file"),
        new Case(
            "malformed number in config",
            (s, config, args) -> config.add("batch-size=many"),
            2,
            "batch-size=many"),
        new Case(
            "unknown scope",
            (s, config, args) -> args.addAll(List.of("--scope", "nosuch")),
            2,
            "nosuch"),
        new Case(
            "unknown table",
            (s, config, args) -> args.addAll(List.of("--table", "NOSUCH")),
            2,
            "NOSUCH"),
        new Case(
            "table name carrying SQL",
            (s, config, args) -> config.add("scope.evil=\"CATENTRY; DROP TABLE STORE; --\""),
            2,
            "CATENTRY; DROP TABLE STORE; --"),
        new Case(
            "table without a key",
            (s, config, args) -> {
              s.editProduction("CREATE TABLE NOKEY (A INTEGER)");
              s.edit("CREATE TABLE NOKEY (A INTEGER)");
              config.add("scope.more=NOKEY");
            },
            2,
            "neither a primary key nor a unique index"),
        new Case(
            "unique key allowing NULLs",
            (s, config, args) -> {
              s.editProduction("CREATE TABLE NULLKEY (A INTEGER UNIQUE)");
              s.edit("CREATE TABLE NULLKEY (A INTEGER UNIQUE)");
              config.add("scope.more=NULLKEY");
            },
            2,
            "allow NULLs"),
        new Case(
            "schema differs between the sides",
            (s, config, args) -> s.editProduction("ALTER TABLE STORE ADD EXTRA_COLUMN INTEGER"),
            2,
            "differ"),
        new Case(
            "connection: unknown user",
            (s, config, args) ->
                args.addAll(
                    List.of(
                        "--production-user", "nosuchuser", "--production-password=" + PASSWORD)),
            2,
            "cannot log in"),
        new Case(
            "connection: unreachable host",
            (s, config, args) ->
                args.addAll(
                    List.of(
                        "--production-url",
                        s.kind == DatabaseKind.POSTGRESQL
                            ? "jdbc:postgresql://127.0.0.1:1/store?password=" + PASSWORD
                            : s.kind == DatabaseKind.MARIADB
                                ? "jdbc:mariadb://127.0.0.1:1/store?password=" + PASSWORD
                                : "jdbc:h2:tcp://127.0.0.1:1/store;PASSWORD=" + PASSWORD)),
            3,
            "cannot reach"),
        new Case(
            "connection: missing database",
            (s, config, args) -> {
              String url = s.pair.production().url();
              String name = s.pair.production().name();
              args.addAll(
                  List.of(
                      "--production-url",
                      s.kind == DatabaseKind.H2
                          ? "jdbc:h2:mem:nosuch;IFEXISTS=TRUE"
                          : url.replace(name, "stg_nosuchdatabase")));
            },
            2,
            "does not exist"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  @Timeout(60)
  void badInputExitsWithItsCodeAndOneLineAndChangesNothing(DatabaseKind kind, Case c)
      throws Exception {
    if (kind == DatabaseKind.H2 && c.name().equals("connection: missing database")) {
      return; // an H2 in-memory URL creates its database: nothing is missing
    }
    try (StagingSession session = new StagingSession(kind)) {
      session.edit("UPDATE STORE SET STATUS = 3 WHERE STORE_ID = 1");

      List<String> config = new ArrayList<>();
      config.add("staging-url=" + session.pair.staging().url());
      config.add("staging-user=" + session.pair.staging().user());
      config.add("staging-password=" + session.pair.staging().password());
      config.add("production-url=" + session.pair.production().url());
      config.add("production-user=" + session.pair.production().user());
      config.add("production-password=" + session.pair.production().password());
      // Scope all is the union of the declared scopes: a case may declare more.
      config.add("scope.catalog=" + String.join(",", session.tables));
      List<String> args = new ArrayList<>();
      c.breakage().apply(session, config, args);
      var production = session.production();
      long pending = session.pending();
      Path file = dir.resolve("staging.properties");
      Files.write(file, config, StandardCharsets.ISO_8859_1);
      List<String> command = new ArrayList<>();
      if (!args.contains("--config")) {
        command.addAll(List.of("--config", file.toString()));
      }
      command.addAll(args);

      ByteArrayOutputStream log = new ByteArrayOutputStream();
      PrintStream stderr = System.err;
      CommandRun run;
      System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
      try {
        run =
            CommandRun.execute(
                new PropCommand().environment(Map.of()), command.toArray(String[]::new));
      } finally {
        System.setErr(stderr);
      }

      String everything = run.out() + run.err() + log.toString(StandardCharsets.UTF_8);
      assertThat(run.exitCode()).as(everything).isEqualTo(c.exitCode());
      assertThat(run.errLines()).as(everything).hasSize(1);
      assertThat(run.err()).contains(c.expected());
      assertThat(everything).doesNotContain(PASSWORD);
      assertThat(session.production()).as("production unchanged").isEqualTo(production);
      assertThat(session.pending()).as("change log unchanged").isEqualTo(pending);
      assertThat(
              session.rows(session.pair.staging(), TestDatabaseNames.store(session.pair.staging())))
          .isNotEmpty();
    }
  }

  /** Stored names of the catalog tables the cases aim at. */
  private static final class TestDatabaseNames {
    static String store(TestDatabase db) {
      return db.kind() == DatabaseKind.POSTGRESQL ? "store" : "STORE";
    }
  }
}
