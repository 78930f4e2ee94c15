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
      Replannable everything = new Replannable(() -> planAll(planning));
      Replannable source = everything;
      if (request.before().isPresent()) {
        source = new Replannable(() -> beforeCutoff(planning, everything));
      }
      Planned planned;
      List<MissingPrerequisite> needed = List.of();
      if (request.changeSets().isEmpty()) {
        planned = source.get();
      } else {
        ChangeSetRun changeSetRun = ofChangeSets(planning, source, started);
        if (changeSetRun.refusal() != null) {
          return changeSetRun.refusal();
        }
        planned = changeSetRun.planned();
        needed = changeSetRun.needed();
      }
      Map<TableMetadata, TablePlan> plans = planned.plans();
      Map<TableMetadata, TableChanges> changes = planned.changes();
      CascadeClosure cascades = planned.cascades();
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
   * Keeps the rows whose last change came before {@code --before}, and plans them alone. Planned
   * again until that plan writes no row whose change comes later: a replace of a taken row may
   * cascade away, in production, a row that waits.
   */
  private Planned beforeCutoff(Planning planning, Replannable everything) throws SQLException {
    CutoffSelection cutoff =
        new CutoffSelection(
            planning.staging().dialect(), planning.schema(), planning.request().batchSize());
    Map<TableMetadata, Set<String>> heldBack = new HashMap<>();
    while (true) {
      Taken taken = takeBeforeCutoff(planning, cutoff, everything.get(), heldBack);
      if (taken.leftOut().isEmpty()) {
        // every pending row's last change came before the cutoff: a plain run, already planned
        return everything.get();
      }
      everything.release();
      Planned partial = planAgain(planning, taken);
      LeftOutRows.Written outside = taken.leftOut().writtenBy(partial.plans());
      if (outside.isEmpty()) {
        return partial;
      }
      if (!cutoff.holdBackReplacesReaching(
          partial.plans(), outside.rows(), heldBack, planning.target())) {
        throw new IllegalStateException(
            "the changes before the cutoff would write rows whose changes come after it: "
                + outside.report());
      }
    }
  }

  private static Taken takeBeforeCutoff(
      Planning planning,
      CutoffSelection cutoff,
      Planned full,
      Map<TableMetadata, Set<String>> heldBack)
      throws SQLException {
    LogIds.Builder lastIds = new LogIds.Builder();
    full.changes().values().forEach(c -> lastIds.addAll(c.lastLogIds()));
    Map<Long, Instant> captured =
        planning.reader().captureTimes(planning.snapshot(), lastIds.build());
    return Taken.from(
        full,
        cutoff.select(
            full.plans(),
            full.changes(),
            captured,
            planning.request().before().get(),
            heldBack,
            planning.snapshot(),
            planning.target()));
  }

  /**
   * Keeps the rows of the requested change sets (with their prerequisites, if asked), and plans
   * them alone. Planned again, with more rows taken, until that plan writes no row left out.
   */
  private ChangeSetRun ofChangeSets(Planning planning, Replannable source, Instant started)
      throws SQLException {
    PropagationRequest request = planning.request();
    ChangeSetSelection selector =
        new ChangeSetSelection(
            planning.staging().dialect(), planning.schema(), request.batchSize());
    Map<TableMetadata, Set<String>> alsoTaken = new HashMap<>();
    List<MissingPrerequisite> takenOutside = new ArrayList<>();
    while (true) {
      ChangeSetChoice choice =
          chooseChangeSets(planning, selector, source.get(), alsoTaken, takenOutside, started);
      if (choice.refusal() != null) {
        return ChangeSetRun.refused(choice.refusal());
      }
      if (choice.taken().leftOut().isEmpty()) {
        // the sets (and what they need) hold every pending row: a plain run, already planned
        return new ChangeSetRun(source.get(), choice.needed(), null);
      }
      source.release();
      Planned partial = planAgain(planning, choice.taken());
      // The plan of the selected rows alone may write rows the full plan did not need to:
      // production's rows that a replace of a selected row cascades away.
      LeftOutRows.Written outside = choice.taken().leftOut().writtenBy(partial.plans());
      if (outside.isEmpty()) {
        return new ChangeSetRun(partial, choice.needed(), null);
      }
      if (!request.withPrerequisites()) {
        List<MissingPrerequisite> wanted = new ArrayList<>(choice.needed());
        wanted.addAll(outside.report());
        return ChangeSetRun.refused(
            refusedForPrerequisites(
                planning, started, source.get(), choice.taken().keys(), outside.report(), wanted));
      }
      outside.report().forEach(StagingPropagation::logTaken);
      takenOutside.addAll(outside.report());
      outside
          .rows()
          .forEach(
              (table, keys) ->
                  alsoTaken.computeIfAbsent(table, t -> new java.util.HashSet<>()).addAll(keys));
    }
  }

  /** One selection of the change sets' rows from {@code full}; a refusal if some are missing. */
  private static ChangeSetChoice chooseChangeSets(
      Planning planning,
      ChangeSetSelection selector,
      Planned full,
      Map<TableMetadata, Set<String>> alsoTaken,
      List<MissingPrerequisite> takenOutside,
      Instant started)
      throws SQLException {
    PropagationRequest request = planning.request();
    ChangeSetSelection.Outcome selection =
        selector.select(
            full.plans(),
            full.changes(),
            new java.util.HashSet<>(request.changeSets()),
            request.withPrerequisites(),
            alsoTaken,
            planning.snapshot(),
            planning.target());
    List<MissingPrerequisite> needed = new ArrayList<>(selection.needed());
    needed.addAll(takenOutside);
    if (!selection.missing().isEmpty()) {
      return new ChangeSetChoice(
          null,
          needed,
          refusedForPrerequisites(
              planning, started, full, selection.selected(), selection.missing(), needed));
    }
    selection.taken().forEach(StagingPropagation::logTaken);
    return new ChangeSetChoice(Taken.from(full, selection.selected()), needed, null);
  }

  /**
   * The plans of a run's pending rows (or of those a partial run takes), their changes, and the
   * production rows their deletes and replaces take.
   */
  private record Planned(
      Map<TableMetadata, TablePlan> plans,
      Map<TableMetadata, TableChanges> changes,
      CascadeClosure cascades) {}

  /**
   * A planning that a partial run lets go while it plans the rows it takes, and makes again only
   * when it must choose again: with {@code -Xmx256m}, both at once drove the live set from 115 to
   * 144 MiB on a hundred thousand pending rows.
   */
  private static final class Replannable {
    private final PlanningStep step;
    private Planned planned;

    Replannable(PlanningStep step) {
      this.step = step;
    }

    Planned get() throws SQLException {
      if (planned == null) {
        planned = step.plan();
      }
      return planned;
    }

    void release() {
      planned = null;
    }
  }

  @FunctionalInterface
  private interface PlanningStep {
    Planned plan() throws SQLException;
  }

  /**
   * The rows a partial run takes, with what planning them alone needs of the planning they were
   * chosen from (which is let go meanwhile).
   *
   * @param keys the keys taken, by table
   * @param firstDeletes each table's first pending delete, taken or not
   * @param cascades the production rows that the full plan's deletes take, to start from
   * @param leftOut the pending rows not taken, which the plan must not write
   * @param whole the first plans of the tables whose every pending row is taken, which the second
   *     planning keeps where their parents plan as they did
   */
  private record Taken(
      Map<TableMetadata, Set<String>> keys,
      Map<TableMetadata, Long> firstDeletes,
      CascadeClosure cascades,
      LeftOutRows leftOut,
      Map<TableMetadata, FirstPlan> whole) {
    static Taken from(Planned full, Map<TableMetadata, Set<String>> keys) {
      Map<TableMetadata, Long> firstDeletes = new HashMap<>();
      full.changes().forEach((table, changes) -> firstDeletes.put(table, changes.firstDelete()));
      LeftOutRows leftOut = LeftOutRows.of(full.changes(), keys);
      Map<TableMetadata, FirstPlan> whole = new HashMap<>();
      full.plans()
          .forEach(
              (table, plan) -> {
                if (!leftOut.leavesOutRowsOf(table)) {
                  whole.put(table, new FirstPlan(plan, full.changes().get(table)));
                }
              });
      return new Taken(keys, firstDeletes, full.cascades().forPartialRun(), leftOut, whole);
    }
  }

  /** A table's plan from the planning of every pending row, with the changes it was made from. */
  private record FirstPlan(TablePlan plan, TableChanges changes) {}

  /**
   * The change sets' rows with what they need; or, with only {@code needed} besides, the refusal of
   * a run that lacks prerequisites.
   */
  private record ChangeSetChoice(
      Taken taken, List<MissingPrerequisite> needed, PropagationResult refusal) {}

  /** What a change-set run writes and the prerequisites it needs; or its refusal alone. */
  private record ChangeSetRun(
      Planned planned, List<MissingPrerequisite> needed, PropagationResult refusal) {
    static ChangeSetRun refused(PropagationResult refusal) {
      return new ChangeSetRun(null, List.of(), refusal);
    }
  }

  private Planned planAll(Planning planning) throws SQLException {
    Map<TableMetadata, TableChanges> changes = new LinkedHashMap<>();
    // Every dialect: an early delete's cascade takes rows that staging still has.
    CascadeClosure cascades =
        new CascadeClosure(planning.staging().dialect(), planning.request().batchSize());
    return new Planned(
        plan(planning, changes, cascades, table -> entry -> true, Map.of(), Map.of()),
        changes,
        cascades);
  }

  /**
   * Plans a partial run ({@code --before}, change sets) again with only the log rows of the rows it
   * takes: cascades, replacements and early deletes then follow from what this run writes, not from
   * the changes left pending. A narrowed plan of everything could keep an early delete whose
   * cascade was to be repaired by a row left out, or repair a cascade that no longer happens. A
   * table the run takes whole keeps its first plan where the tables it references delete, replace
   * and move the same rows as in the first planning: planned again, it would come out the same.
   */
  private Planned planAgain(Planning planning, Taken taken) throws SQLException {
    Map<TableMetadata, TableChanges> changes = new LinkedHashMap<>();
    Map<TableMetadata, TablePlan> plans =
        plan(
            planning,
            changes,
            taken.cascades(),
            table -> {
              Set<String> keys = taken.keys().getOrDefault(table, Set.of());
              return entry -> keys.contains(entry.oldKey()) || keys.contains(entry.newKey());
            },
            taken.firstDeletes(),
            taken.whole());
    return new Planned(plans, changes, taken.cascades());
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
      Map<TableMetadata, Long> firstDeletes,
      Map<TableMetadata, FirstPlan> firstPlans)
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
    Set<String> notYetPlanned = new java.util.HashSet<>();
    for (TableMetadata table : schema.graph().parentsFirst()) {
      notYetPlanned.add(table.name().name());
      filters.put(table.name().name(), taken.apply(table));
      if (!firstPlans.containsKey(table)) {
        read.put(table.name().name(), new TableChanges());
      }
    }
    reader.readEntries(snapshot, read, filters);
    Map<TableMetadata, TablePlan> plans = new LinkedHashMap<>();
    for (TableMetadata table : schema.graph().parentsFirst()) {
      String name = table.name().name();
      notYetPlanned.remove(name);
      FirstPlan first = firstPlans.get(table);
      if (first != null && cascades.plansAsInFullRun(table, notYetPlanned)) {
        cascades.keptFromFullRun(table);
        plans.put(table, first.plan());
        changesByTable.put(table, first.changes());
        LOG.info("{}: every pending row taken, its first plan kept", table.name());
        continue;
      }
      TableChanges changes = read.remove(name);
      if (changes == null) {
        // taken whole, but a table it references plans other rows than in the first planning
        LOG.debug("{}: every pending row taken, planned again under its parents", table.name());
        changes = new TableChanges();
        reader.readEntries(snapshot, Map.of(name, changes), filters);
      }
      reader.readImages(snapshot, name, changes);
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
   *
   * @param full the plan of every pending row
   * @param selected the rows selected, by table
   */
  private static PropagationResult refusedForPrerequisites(
      Planning planning,
      Instant started,
      Planned full,
      Map<TableMetadata, Set<String>> selected,
      List<MissingPrerequisite> missing,
      List<MissingPrerequisite> needed)
      throws SQLException {
    PropagationRequest request = planning.request();
    planning.target().rollback();
    planning.snapshot().rollback();
    Map<TableMetadata, TablePlan> plans = ChangeSetSelection.narrow(full.plans(), selected);
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
        request.dryRun() ? PendingRow.of(plans, full.changes()) : List.of(),
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
