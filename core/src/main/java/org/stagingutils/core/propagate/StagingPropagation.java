// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.capture.StagingUpgrade;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.connect.DatabaseOpener;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.control.PendingLog;
import org.stagingutils.core.control.RunLocks;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.StagedSchema;
import org.stagingutils.core.metadata.TableMetadata;
import org.stagingutils.core.progress.ProgressListener;

/**
 * stagingprop: applies the pending staging changes to production. Staging is read in one snapshot
 * (editors keep working); every conflict is found before anything is written; production changes in
 * one transaction (or one per table) with the journal; the change-log rows read are marked
 * processed afterwards. A run that dies between production's commit and that marking is repaired by
 * the next run, which finds production already as staging wants it.
 */
public final class StagingPropagation {
  private static final Logger LOG = LoggerFactory.getLogger(StagingPropagation.class);
  private final ProgressListener progress;

  public StagingPropagation() {
    this(ProgressListener.NONE);
  }

  /** A propagation that reports the rows it writes to production to {@code progress}. */
  public StagingPropagation(ProgressListener progress) {
    this.progress = progress;
  }

  public PropagationResult propagate(PropagationRequest request) {
    Instant started = Instant.now();
    try (Database staging = DatabaseOpener.open(request.config().staging());
        Database production = DatabaseOpener.open(request.config().production())) {
      if (!staging.dialect().id().equals(production.dialect().id())) {
        throw StagingException.configuration(
            "staging is "
                + staging.dialect().id()
                + " but production is "
                + production.dialect().id()
                + ": both databases must be of the same product");
      }
      StagedSchema schema = StagedSchema.load(staging, production, request.tables());
      requireStagingSession(staging);
      if (changesNothing(request)) {
        StagingUpgrade.requireCurrent(staging);
      } else {
        StagingUpgrade.ensureCurrent(staging);
      }
      if (!changesNothing(request) || production.dialect().readsThroughInstalledFunctions()) {
        ControlSchema.migrateProduction(
            production.dataSource(), production.dialect(), production.schema());
      }
      // A script is run later by someone else, with their own privileges: it needs only reads here.
      PrivilegeCheck.requireProduction(production, schema.production(), !changesNothing(request));
      if (!changesNothing(request)) {
        PrivilegeCheck.requireStaging(staging);
      }
      try (RunLocks lock = RunLocks.acquire(staging)) {
        return run(request, staging, production, schema, started);
      }
    }
  }

  private PropagationResult run(
      PropagationRequest request,
      Database staging,
      Database production,
      StagedSchema schema,
      Instant started) {
    ControlTables control = staging.controlTables();
    try (Connection snapshot = staging.connection();
        Connection target = production.connection()) {
      snapshot.setAutoCommit(false);
      snapshot.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      target.setAutoCommit(false);
      boundLockWaits(production, target, request.lockTimeout());

      ChangeLogReader reader =
          new ChangeLogReader(control, request.batchSize(), PendingLog.read(snapshot, control));
      Planning planning = new Planning(request, staging, schema, snapshot, reader, target);
      Map<TableMetadata, TableChanges> changes = new LinkedHashMap<>();
      // Every dialect: an early delete's cascade takes rows that staging still has.
      CascadeClosure cascades = new CascadeClosure(staging.dialect(), request.batchSize());
      Map<TableMetadata, TablePlan> plans =
          plan(planning, changes, cascades, table -> entry -> true, Map.of());
      if (request.before().isPresent()) {
        LogIds.Builder lastIds = new LogIds.Builder();
        changes.values().forEach(c -> lastIds.addAll(c.lastLogIds()));
        Map<Long, Instant> captured = reader.captureTimes(snapshot, lastIds.build());
        CutoffSelection cutoff =
            new CutoffSelection(staging.dialect(), schema, request.batchSize());
        Map<TableMetadata, TablePlan> fullPlans = plans;
        Map<TableMetadata, TableChanges> allChanges = new LinkedHashMap<>(changes);
        CascadeClosure fullCascades = cascades;
        Map<TableMetadata, Set<String>> heldBack = new HashMap<>();
        while (true) {
          Map<TableMetadata, Set<String>> taken =
              cutoff.select(
                  fullPlans,
                  allChanges,
                  captured,
                  request.before().get(),
                  heldBack,
                  snapshot,
                  target);
          cascades = fullCascades.forPartialRun();
          plans = planAgain(planning, allChanges, changes, cascades, taken);
          // As for change sets: a replace of a taken row may cascade away a row that waits.
          ChangeSetSelection.Outside outside =
              ChangeSetSelection.writtenOutside(plans, allChanges, taken);
          if (outside.isEmpty()) {
            break;
          }
          if (!cutoff.holdBackReplacesReaching(plans, outside.rows(), heldBack, target)) {
            throw new IllegalStateException(
                "the changes before the cutoff would write rows whose changes come after it: "
                    + outside.report());
          }
        }
      }
      List<MissingPrerequisite> needed = List.of();
      if (!request.changeSets().isEmpty()) {
        Map<TableMetadata, TablePlan> fullPlans = plans;
        Map<TableMetadata, TableChanges> allChanges = new LinkedHashMap<>(changes);
        CascadeClosure fullCascades = cascades;
        Map<TableMetadata, Set<String>> alsoTaken = new HashMap<>();
        List<MissingPrerequisite> takenOutside = new ArrayList<>();
        ChangeSetSelection selector =
            new ChangeSetSelection(staging.dialect(), schema, request.batchSize());
        Set<String> changeSets = new java.util.HashSet<>(request.changeSets());
        while (true) {
          ChangeSetSelection.Outcome selection =
              selector.select(
                  fullPlans,
                  allChanges,
                  changeSets,
                  request.withPrerequisites(),
                  alsoTaken,
                  snapshot,
                  target);
          needed = new ArrayList<>(selection.needed());
          needed.addAll(takenOutside);
          if (!selection.missing().isEmpty()) {
            return refusedForPrerequisites(
                request,
                started,
                selection.plans(),
                allChanges,
                selection.missing(),
                needed,
                snapshot,
                target);
          }
          selection.taken().forEach(StagingPropagation::logTaken);
          cascades = fullCascades.forPartialRun();
          plans = planAgain(planning, allChanges, changes, cascades, selection.selected());
          // The plan of the selected rows alone may write rows the full plan did not need to:
          // production's rows that a replace of a selected row cascades away.
          ChangeSetSelection.Outside outside =
              ChangeSetSelection.writtenOutside(plans, allChanges, selection.selected());
          if (outside.isEmpty()) {
            break;
          }
          if (!request.withPrerequisites()) {
            List<MissingPrerequisite> wanted = new ArrayList<>(needed);
            wanted.addAll(outside.report());
            return refusedForPrerequisites(
                request,
                started,
                selection.plans(),
                allChanges,
                outside.report(),
                wanted,
                snapshot,
                target);
          }
          outside.report().forEach(StagingPropagation::logTaken);
          takenOutside.addAll(outside.report());
          outside
              .rows()
              .forEach(
                  (table, keys) ->
                      alsoTaken
                          .computeIfAbsent(table, t -> new java.util.HashSet<>())
                          .addAll(keys));
        }
      }
      Map<TableMetadata, Map<String, Conflict>> unreferenceable =
          new ReferenceAnalysis(staging.dialect(), schema, request.batchSize())
              .find(plans, cascades, snapshot, target);
      Map<TableMetadata, TablePlan> checked = new LinkedHashMap<>();
      plans.forEach(
          (table, plan) ->
              checked.put(
                  table,
                  plan.without(unreferenceable.getOrDefault(table, Map.of()), changes.get(table))));
      plans = checked;
      List<Conflict> conflicts = new ArrayList<>();
      List<TableCounts> counts = new ArrayList<>();
      LogIds.Builder processedIds = new LogIds.Builder();
      long skipped = 0;
      for (TablePlan plan : plans.values()) {
        conflicts.addAll(plan.conflicts());
        counts.add(plan.counts());
        processedIds.addAll(plan.processedLogIds());
        skipped += plan.skippedLogIds().size();
      }
      LogIds processed = processedIds.build();
      if (!conflicts.isEmpty() && request.onConflict() == ConflictPolicy.FAIL) {
        target.rollback();
        snapshot.rollback();
        return new PropagationResult(
            0,
            changesNothing(request),
            true,
            conflicts.size()
                + " conflicting row(s): production was changed where staging changed too;"
                + " nothing was written (resolve them, or use --on-conflict overwrite|skip)",
            counts,
            conflicts,
            List.of(),
            0,
            skipped,
            Duration.between(started, Instant.now()));
      }
      if (changesNothing(request)) {
        if (request.scriptFile().isPresent()) {
          new PropagationScript(production.dialect(), schema, request.batchSize())
              .write(request.scriptFile().get(), plans, snapshot);
        }
        target.rollback();
        snapshot.rollback();
        return new PropagationResult(
            0,
            true,
            false,
            null,
            counts,
            conflicts,
            List.of(),
            processed.size(),
            skipped,
            elapsed(started),
            PendingRow.of(plans, changes),
            needed,
            plans.values().stream().map(p -> PlannedTable.of(p, changes.get(p.table()))).toList(),
            request.scriptFile());
      }
      new ProductionWriter(
              production.dialect(),
              schema,
              request.batchSize(),
              request.transaction(),
              request.lockTimeout(),
              progress)
          .write(
              plans,
              snapshot,
              new JdbcStatements(target, request.batchSize(), request.transaction()));
      progress.end();
      Long session;
      try {
        session = sessionId(snapshot, control);
      } catch (SQLException e) {
        throw StagingException.database("cannot read the session of the staging database", e);
      }
      long runId =
          new Journal(production.controlTables())
              .record(target, session, started, request.changeSets(), counts);
      target.commit();
      snapshot.commit();
      LOG.info(
          "production committed: run {}, {} change-log rows consumed", runId, processed.size());

      ProcessedMarker marker = new ProcessedMarker(control, request.batchSize());
      try (Connection c = staging.connection()) {
        marker.markProcessed(c, processed);
        marker.prune(c, request.retainDays());
      }
      return new PropagationResult(
          runId,
          false,
          false,
          null,
          counts,
          conflicts,
          List.of(),
          processed.size(),
          skipped,
          elapsed(started));
    } catch (SQLException e) {
      throw StagingException.database("propagation failed", e);
    }
  }

  /**
   * Plans a partial run ({@code --before}, change sets) again with only the log rows of the rows it
   * takes: cascades, replacements and early deletes then follow from what this run writes, not from
   * the changes left pending. A narrowed plan of everything could keep an early delete whose
   * cascade was to be repaired by a row left out, or repair a cascade that no longer happens.
   *
   * @param allChanges every pending row's changes, from the first planning: where each table's
   *     first delete lies
   * @param changesByTable receives the changes of the rows taken, by table
   */
  private Map<TableMetadata, TablePlan> planAgain(
      Planning planning,
      Map<TableMetadata, TableChanges> allChanges,
      Map<TableMetadata, TableChanges> changesByTable,
      CascadeClosure cascades,
      Map<TableMetadata, Set<String>> taken)
      throws SQLException {
    Map<TableMetadata, Long> firstDeletes = new HashMap<>();
    allChanges.forEach((table, changes) -> firstDeletes.put(table, changes.firstDelete()));
    changesByTable.clear();
    return plan(
        planning,
        changesByTable,
        cascades,
        table -> {
          Set<String> keys = taken.getOrDefault(table, Set.of());
          return entry -> keys.contains(entry.oldKey()) || keys.contains(entry.newKey());
        },
        firstDeletes);
  }

  /** What every planning pass of a run reads from and plans against. */
  private record Planning(
      PropagationRequest request,
      Database staging,
      StagedSchema schema,
      Connection snapshot,
      ChangeLogReader reader,
      Connection target) {}

  private Map<TableMetadata, TablePlan> plan(
      Planning planning,
      Map<TableMetadata, TableChanges> changesByTable,
      CascadeClosure cascades,
      java.util.function.Function<TableMetadata, java.util.function.Predicate<LogEntry>> taken,
      Map<TableMetadata, Long> firstDeletes)
      throws SQLException {
    Database staging = planning.staging();
    StagedSchema schema = planning.schema();
    Connection snapshot = planning.snapshot();
    ChangeLogReader reader = planning.reader();
    // once per planning: the planner asks for each pending row of a table
    Set<String> cascadingParents =
        staging.dialect().capturesCascadedChanges()
            ? Set.of()
            : CascadingParents.of(schema.staging());
    TablePlanner planner =
        new TablePlanner(
            staging.dialect(),
            planning.request().batchSize(),
            planning.request().onConflict(),
            table -> cascadingParents.contains(table.name().name()));
    Map<String, TableChanges> read = new LinkedHashMap<>();
    Map<String, java.util.function.Predicate<LogEntry>> filters = new HashMap<>();
    for (TableMetadata table : schema.graph().parentsFirst()) {
      read.put(table.name().name(), new TableChanges());
      filters.put(table.name().name(), taken.apply(table));
    }
    reader.readEntries(snapshot, read, filters);
    Map<TableMetadata, TablePlan> plans = new LinkedHashMap<>();
    for (TableMetadata table : schema.graph().parentsFirst()) {
      TableChanges changes = read.remove(table.name().name());
      reader.readImages(snapshot, table.name().name(), changes);
      changes.deleteLeftOut(firstDeletes.getOrDefault(table, Long.MAX_VALUE));
      if (changes.isEmpty() && !cascades.reaches(table)) {
        continue;
      }
      TablePlan plan;
      try {
        plan =
            planner.plan(
                table,
                schema.productionTable(table),
                changes,
                snapshot,
                planning.target(),
                cascades);
      } catch (SQLException e) {
        throw StagingException.database("cannot plan the changes of table " + table.name(), e);
      }
      changes.releaseImages();
      if (changes.isEmpty() && plan.actions().isEmpty()) {
        continue;
      }
      plans.put(table, plan);
      changesByTable.put(table, changes);
      LOG.info(
          "{}: {} change-log rows consolidated into {} row(s)",
          table.name(),
          changes.entryCount(),
          plans.get(table).actions().size());
    }
    return plans;
  }

  /**
   * Ends a run of change sets that lack prerequisites: nothing written; the selected rows' own
   * conflicts are reported too, references are judged once the prerequisites are in.
   */
  private static PropagationResult refusedForPrerequisites(
      PropagationRequest request,
      Instant started,
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      List<MissingPrerequisite> missing,
      List<MissingPrerequisite> needed,
      Connection snapshot,
      Connection target)
      throws SQLException {
    target.rollback();
    snapshot.rollback();
    return new PropagationResult(
        0,
        request.dryRun(),
        true,
        missing.size()
            + " prerequisite row(s) of change set(s) "
            + request.changeSets()
            + " are pending outside them; nothing was written (propagate them too, or use"
            + " --with-prerequisites)",
        List.of(),
        plans.values().stream().flatMap(p -> p.conflicts().stream()).toList(),
        missing,
        0,
        0,
        elapsed(started),
        request.dryRun() ? PendingRow.of(plans, changes) : List.of(),
        needed,
        List.of(),
        java.util.Optional.empty());
  }

  private static void logTaken(MissingPrerequisite p) {
    LOG.info(
        "taking prerequisite {} {} of change set {}",
        p.table(),
        p.key(),
        p.changeSet() == null ? "(none)" : p.changeSet());
  }

  /** A dry run, or a script written instead of a run. */
  private static boolean changesNothing(PropagationRequest request) {
    return request.dryRun() || request.scriptFile().isPresent();
  }

  /** A forgotten open transaction in production must fail the run, not hang it. */
  private static void boundLockWaits(Database production, Connection target, Duration timeout)
      throws SQLException {
    try (var s = target.createStatement()) {
      for (String sql : production.dialect().lockTimeoutSql(timeout)) {
        s.execute(sql);
      }
    }
  }

  private static Long sessionId(Connection snapshot, ControlTables control) throws SQLException {
    try (var s = snapshot.createStatement();
        var rs =
            s.executeQuery(
                "SELECT MAX("
                    + control.column("SESSION_ID")
                    + ") FROM "
                    + control.qualified(ControlTables.SESSION))) {
      rs.next();
      long id = rs.getLong(1);
      return rs.wasNull() ? null : id;
    }
  }

  private static void requireStagingSession(Database staging) {
    try (Connection c = staging.connection()) {
      ControlTables control = staging.controlTables();
      if (!new MetadataReader(c, staging.dialect())
          .exists(control.table(ControlTables.CAPTURED_TABLES))) {
        throw StagingException.configuration(
            "the staging database "
                + staging
                + " has no change log in schema "
                + staging.schema()
                + ": run stagingcopy first to start a staging session");
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot read the staging control tables", e);
    }
  }

  private static Duration elapsed(Instant started) {
    return Duration.between(started, Instant.now());
  }
}
