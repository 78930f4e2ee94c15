// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.testdb.CatalogSchema;
import org.stagingutils.core.testdb.DatabaseKind;
import org.stagingutils.core.testdb.DatabasePair;
import org.stagingutils.core.testdb.TestDatabase;

/** The users of docs/operations.md, named uniquely: server users outlive test databases. */
final class DatabaseUsers {
  private final DatabaseKind kind;
  private final String prefix;
  private final String password = "pw-" + HexFormat.of().toHexDigits(System.nanoTime());
  private final List<Runnable> cleanup = new ArrayList<>();
  // Users belong to the server, not to a database: dropped through one that outlives the pair.
  private final TestDatabase admin;

  DatabaseUsers(DatabaseKind kind, String prefix, TestDatabase admin) {
    this.kind = kind;
    this.prefix = prefix;
    this.admin = admin;
  }

  String name(String role) {
    return prefix + "_" + role;
  }

  ConnectionSettings settings(String side, TestDatabase db, String role) {
    return new ConnectionSettings(side, db.url(), name(role), password, Optional.empty());
  }

  void create(DatabasePair pair) throws SQLException {
    if (kind == DatabaseKind.POSTGRESQL) {
      createPostgres(pair);
    } else {
      createMariaDb(pair);
    }
  }

  private void createPostgres(DatabasePair pair) throws SQLException {
    for (String role : List.of("stager", "propagator", "checker", "copier")) {
      pair.production().execute("CREATE ROLE " + name(role) + " LOGIN PASSWORD '" + password + "'");
      cleanup.add(() -> quietly(admin, "DROP ROLE IF EXISTS " + name(role)));
    }
    String staged = String.join(", ", qualified("public", CatalogSchema.stagedTables(kind)));
    // Staging: the stager owns the staged tables (PostgreSQL lets only the owner drop the
    // triggers a new session replaces), the propagator reads and marks, the checker reads.
    List<String> staging = new ArrayList<>();
    staging.add("GRANT USAGE, CREATE ON SCHEMA public TO " + name("stager"));
    for (String table : qualified("public", CatalogSchema.stagedTables(kind))) {
      staging.add("ALTER TABLE " + table + " OWNER TO " + name("stager"));
    }
    staging.add("GRANT USAGE ON SCHEMA public TO " + name("propagator"));
    staging.add("GRANT USAGE ON SCHEMA public TO " + name("checker"));
    pair.staging().execute(staging.toArray(String[]::new));
    // Production.
    pair.production()
        .execute(
            "GRANT USAGE ON SCHEMA public TO " + name("copier"),
            "GRANT SELECT ON " + staged + " TO " + name("copier"),
            "GRANT USAGE, CREATE ON SCHEMA public TO " + name("propagator"),
            "GRANT SELECT, INSERT, UPDATE, DELETE ON " + staged + " TO " + name("propagator"));
    stagingGrantsAfterTheFirstCopy = () -> grantStagingReaders(pair.staging(), staged);
  }

  /** The propagator's and checker's grants name control tables the first copy creates. */
  Runnable stagingGrantsAfterTheFirstCopy = () -> {};

  private void grantStagingReaders(TestDatabase staging, String staged) {
    try {
      staging.execute(
          "GRANT SELECT ON " + staged + " TO " + name("propagator"),
          "GRANT SELECT ON public.stagsession, public.stagtables,"
              + " public.staging_schema_history TO "
              + name("propagator"),
          "GRANT SELECT, DELETE ON public.staglogrows TO " + name("propagator"),
          "GRANT SELECT, INSERT, DELETE ON public.staglogdone TO " + name("propagator"),
          "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + name("checker"));
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void createMariaDb(DatabasePair pair) throws SQLException {
    String s = pair.staging().name();
    String p = pair.production().name();
    for (String role : List.of("stager", "propagator", "checker", "copier")) {
      pair.production().execute("CREATE USER " + user(role) + " IDENTIFIED BY '" + password + "'");
      cleanup.add(() -> quietly(admin, "DROP USER IF EXISTS " + user(role)));
    }
    List<String> grants = new ArrayList<>();
    grants.add(
        "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, TRIGGER,"
            + " CREATE TEMPORARY TABLES, CREATE VIEW ON "
            + s
            + ".* TO "
            + user("stager"));
    grants.add("GRANT SELECT ON " + s + ".* TO " + user("propagator"));
    grants.add("GRANT SELECT ON " + s + ".* TO " + user("checker"));
    for (String table : CatalogSchema.stagedTables(kind)) {
      grants.add("GRANT SELECT ON " + p + ".`" + table + "` TO " + user("copier"));
      grants.add(
          "GRANT SELECT, INSERT, UPDATE, DELETE ON "
              + p
              + ".`"
              + table
              + "` TO "
              + user("propagator"));
    }
    grants.add("GRANT CREATE, INDEX, SELECT, INSERT ON " + p + ".* TO " + user("propagator"));
    pair.production().execute(grants.toArray(String[]::new));
    stagingGrantsAfterTheFirstCopy =
        () -> {
          try {
            pair.production()
                .execute(
                    "GRANT DELETE ON " + s + ".STAGLOGROWS TO " + user("propagator"),
                    "GRANT INSERT, DELETE ON " + s + ".STAGLOGDONE TO " + user("propagator"));
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        };
  }

  String[] revokeDelete(TestDatabase production, String table) {
    return kind == DatabaseKind.POSTGRESQL
        ? new String[] {"REVOKE DELETE ON public.\"" + table + "\" FROM " + name("propagator")}
        : new String[] {
          "REVOKE DELETE ON " + production.name() + ".`" + table + "` FROM " + user("propagator")
        };
  }

  private String user(String role) {
    return "'" + name(role) + "'@'%'";
  }

  private static List<String> qualified(String schema, List<String> tables) {
    return tables.stream().map(t -> schema + ".\"" + t + "\"").toList();
  }

  void drop() {
    cleanup.forEach(Runnable::run);
  }

  private static void quietly(TestDatabase admin, String sql) {
    try {
      admin.execute(sql);
    } catch (SQLException | RuntimeException e) {
      // the test's outcome matters more than a leftover user
    }
  }
}
