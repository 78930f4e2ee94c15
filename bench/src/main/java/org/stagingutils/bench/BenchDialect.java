// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.jooq.SQLDialect;

/**
 * What differs between the servers the harness drives: database URLs, the command-line clients a
 * DBA would use instead of the utilities, and the few statements that are not portable.
 */
interface BenchDialect {

  /** Display name in the report. */
  String displayName();

  /** Folder of catalog.sql and generate.sql under org/stagingutils/bench. */
  String resourceFolder();

  SQLDialect jooqDialect();

  ServerAddress address();

  String jdbcUrl(String database);

  void dropDatabase(Connection admin, String database) throws SQLException;

  /** Empties the given staged tables, whatever the foreign keys between them. */
  void emptyTables(Connection connection, List<String> tables) throws SQLException;

  /**
   * Leaves the staging change log as a session's log is before stagingprop runs, outside any
   * timing: without the dead row versions the harness's own "pending again" updates left behind,
   * and with fresh statistics. Otherwise each run pays for the previous run's clean-up.
   */
  void settleChangeLog(Connection staging) throws SQLException;

  /**
   * The server's data cache, as "setting = value": whether a million-row change log fits in it
   * decides much of the consolidation's time (MariaDB's default buffer pool does not).
   */
  String cacheSetting(Connection connection) throws SQLException;

  /** Environment that logs the command-line clients in without a password on their command line. */
  Map<String, String> clientEnvironment();

  /** How the report names {@link #dumpAndLoadScript}. */
  String dumpAndLoadName();

  /** The DBA's copy: a data-only dump of the tables from one database piped into the other. */
  String dumpAndLoadScript(String from, String to, List<String> tables);

  /** Runs an SQL file in one transaction (the file itself need not say so). */
  List<String> runFileInOneTransaction(String database, Path file);

  /** Runs one statement, autocommitted. */
  List<String> runStatement(String database, String sql);

  /**
   * Names the change set of the staging edits {@code connection} makes from now on; null for none.
   */
  void setChangeSet(Connection connection, String changeSet) throws SQLException;

  /** The file's first lines: what the client needs before the generated statements. */
  String scriptPrologue();

  String scriptEpilogue();

  /**
   * Mean latency in milliseconds of autocommitted single-row updates of random CATENTRY rows,
   * measured with the server's own load tool.
   */
  double singleRowUpdateMillis(ProcessRunner runner, String database, long maxId, int seconds);
}
