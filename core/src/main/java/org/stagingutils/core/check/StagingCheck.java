// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.capture.StagingUpgrade;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.propagate.PendingRow;
import org.stagingutils.core.propagate.PropagationResult;

/**
 * The stagingcheck engine: runs the requested checks against both databases and reports every
 * problem found. Reads only: it never migrates, installs or writes anything on either side.
 */
public final class StagingCheck {
  private static final Logger LOG = LoggerFactory.getLogger(StagingCheck.class);

  /**
   * The checks that read metadata, in the order their problems are reported; the pending-change
   * checks ({@code unique}, {@code drift}, {@code references}) share one dry run per request and
   * are added by {@link #check}.
   */
  private static final List<TableCheck> CHECKS =
      List.of(
          new SchemaCheck(), new CaptureCheck(), new ConfigCheck(), new ForeignKeyConfigCheck());

  private final List<TableCheck> checks;

  public StagingCheck() {
    this(CHECKS);
  }

  StagingCheck(List<TableCheck> checks) {
    this.checks = List.copyOf(checks);
  }

  public CheckReport check(CheckRequest request) {
    List<TableCheck> checks = new ArrayList<>(this.checks);
    PropagationPreview preview = new PropagationPreview(request);
    if (this.checks == CHECKS) {
      checks.addAll(PendingChangeCheck.all(preview));
    }
    Set<CheckKind> runnable = EnumSet.noneOf(CheckKind.class);
    for (CheckKind kind : request.checks()) {
      if (checks.stream().anyMatch(check -> check.kind() == kind)) {
        runnable.add(kind);
      } else {
        LOG.warn("check {} is not available yet", name(kind));
      }
    }
    try (Database staging = DatabaseOpener.open(request.config().staging());
        Database production = DatabaseOpener.open(request.config().production())) {
      StagingUpgrade.requireCurrentIfInstalled(staging);
      CheckContext context = load(staging, production, request);
      List<Problem> problems = new ArrayList<>();
      for (CheckKind kind : runnable) {
        for (TableCheck check : checks) {
          if (check.kind() == kind) {
            problems.addAll(run(check, context));
          }
        }
      }
      List<ChangeSetCount> pending = pendingChanges(context);
      // What the selected sets would write and need is the same dry run's, read only when asked.
      Optional<PropagationResult> selection =
          request.changeSets().isEmpty() ? Optional.empty() : preview.result();
      return new CheckReport(
          runnable,
          problems,
          pending.stream().mapToLong(ChangeSetCount::pendingChanges).sum(),
          pending,
          request.changeSets(),
          selection.map(PropagationResult::plannedRows).map(StagingCheck::sorted).orElse(List.of()),
          selection.map(PropagationResult::prerequisites).orElse(List.of()));
    }
  }

  /** Rows by table in the planner's order (parents first), then by key. */
  private static List<PendingRow> sorted(List<PendingRow> rows) {
    List<String> tables = rows.stream().map(PendingRow::table).distinct().toList();
    return rows.stream()
        .sorted(
            java.util.Comparator.comparingInt((PendingRow r) -> tables.indexOf(r.table()))
                .thenComparing(PendingRow::key, KeyOrder.INSTANCE))
        .toList();
  }

  private static CheckContext load(Database staging, Database production, CheckRequest request) {
    try {
      return CheckContext.load(staging, production, request);
    } catch (SQLException e) {
      throw StagingException.database("cannot read the staged tables' metadata", e);
    }
  }

  private static List<Problem> run(TableCheck check, CheckContext context) {
    LOG.debug("running {} ({})", name(check.kind()), check.getClass().getSimpleName());
    try {
      return check.run(context);
    } catch (SQLException e) {
      throw StagingException.database("cannot run the " + name(check.kind()) + " check", e);
    }
  }

  private static List<ChangeSetCount> pendingChanges(CheckContext context) {
    try {
      return PendingChangeCounter.count(context);
    } catch (SQLException e) {
      throw StagingException.database("cannot count the pending changes in the change log", e);
    }
  }

  private static String name(CheckKind kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}
