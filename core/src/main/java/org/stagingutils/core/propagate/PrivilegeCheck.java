// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.metadata.TableName;

/**
 * Finds, before anything is written, a privilege stagingprop will need and its users lack: a grant
 * missing in production would otherwise fail the run halfway (with {@code --transaction table},
 * after some tables), and one missing on STAGLOG only after production committed.
 */
final class PrivilegeCheck {
  private static final List<String> WRITE = List.of("SELECT", "INSERT", "UPDATE", "DELETE");

  private PrivilegeCheck() {}

  /** Every staged table read and written; the journal tables too, unless nothing is written. */
  static void requireProduction(Database production, List<TableMetadata> tables, boolean writes) {
    List<Need> needs = new ArrayList<>();
    for (TableMetadata table : tables) {
      for (String privilege : writes ? WRITE : List.of("SELECT")) {
        needs.add(new Need(table.name(), privilege));
      }
    }
    if (writes) {
      ControlTables control = production.controlTables();
      needs.add(new Need(control.table(ControlTables.JOURNAL), "INSERT"));
      needs.add(new Need(control.table(ControlTables.JOURNAL_TABLE), "INSERT"));
    }
    require(production, needs);
  }

  /** Marking the change log processed, and pruning it, after production committed. */
  static void requireStaging(Database staging) {
    ControlTables control = staging.controlTables();
    TableName rows = control.table(ControlTables.LOG_ROWS);
    TableName ranges = control.table(ControlTables.PROCESSED_RANGES);
    require(
        staging,
        List.of(
            new Need(rows, "SELECT"),
            new Need(rows, "DELETE"),
            new Need(ranges, "SELECT"),
            new Need(ranges, "INSERT"),
            new Need(ranges, "DELETE")));
  }

  private record Need(TableName table, String privilege) {}

  private static void require(Database database, List<Need> needs) {
    try (Connection c = database.connection()) {
      c.setAutoCommit(false);
      try {
        for (Need need : needs) {
          if (!database.dialect().mayAccess(c, need.table(), need.privilege())) {
            throw missing(database, need);
          }
        }
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot check the privileges on the " + database, e);
    }
  }

  private static StagingException missing(Database database, Need need) {
    String user = database.user().orElse("(default user)");
    String table = database.dialect().qualify(need.table());
    return StagingException.configuration(
        "the "
            + database.role()
            + " user "
            + user
            + " lacks the "
            + need.privilege()
            + " privilege on table "
            + table
            + ": GRANT "
            + need.privilege()
            + " ON "
            + table
            + " TO "
            + user
            + " (see the least-privilege grants in docs/operations.md); nothing was changed");
  }
}
