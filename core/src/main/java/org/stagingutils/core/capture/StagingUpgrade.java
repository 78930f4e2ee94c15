// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.capture;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ControlSchema;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.TableName;

/**
 * Brings a staging database to this version of the suite: its control tables, then the capture
 * triggers an older version installed. Both go together because version 3 of the control tables
 * made {@code STAGLOG} a view, which older triggers on MariaDB and H2 can no longer insert into: an
 * editor's change in between fails (and is rolled back, so nothing is lost), hence the re-install
 * runs right after the migration, and again by any later run if it was interrupted.
 */
public final class StagingUpgrade {
  private static final Logger LOG = LoggerFactory.getLogger(StagingUpgrade.class);

  private StagingUpgrade() {}

  /**
   * For runs that change nothing (dry runs, scripts, stagingcheck), which must not upgrade: refuses
   * when the control tables are older than this version, since this version reads them as the
   * newest migration left them. A database without control tables passes (nothing is pending).
   */
  public static void requireCurrentIfInstalled(Database staging) {
    try (Connection connection = staging.connection()) {
      if (!new MetadataReader(connection, staging.dialect())
          .exists(staging.controlTables().table(ControlTables.CAPTURED_TABLES))) {
        return;
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot read the staging control tables", e);
    }
    requireCurrent(staging);
  }

  /** As {@link #requireCurrentIfInstalled}, for a caller that knows the control tables exist. */
  public static void requireCurrent(Database staging) {
    if (!ControlSchema.isStagingCurrent(
        staging.dataSource(), staging.dialect(), staging.schema())) {
      throw StagingException.configuration(
          "the control tables in staging schema "
              + staging.schema()
              + " are from an older version of the suite: run stagingprop (without --dry-run or"
              + " --script-file) or stagingcopy once as the staging owner to upgrade them; nothing"
              + " was changed");
    }
  }

  /** For runs that write: migrates the control tables, then re-installs outdated triggers. */
  public static void ensureCurrent(Database staging) {
    ControlSchema.migrateStaging(staging.dataSource(), staging.dialect(), staging.schema());
    ControlTables control = staging.controlTables();
    try (Connection connection = staging.connection()) {
      List<String> outdated = outdatedTables(connection, control);
      if (outdated.isEmpty()) {
        return;
      }
      MetadataReader reader = new MetadataReader(connection, staging.dialect());
      CaptureInstaller installer = new CaptureInstaller(staging.dialect(), control);
      for (String name : outdated) {
        TableName table = TableName.of(staging.schema(), name);
        if (!reader.exists(table)) {
          continue;
        }
        installer.install(connection, reader.read(table));
        LOG.info(
            "capture triggers of {} upgraded to version {}",
            name,
            CaptureInstaller.TRIGGER_VERSION);
      }
      if (!connection.getAutoCommit()) {
        connection.commit();
      }
    } catch (SQLException e) {
      throw StagingException.database("cannot upgrade the capture triggers in staging", e);
    }
  }

  private static List<String> outdatedTables(Connection connection, ControlTables control)
      throws SQLException {
    List<String> names = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT "
                + control.column("TABLE_NAME")
                + " FROM "
                + control.qualified(ControlTables.CAPTURED_TABLES)
                + " WHERE "
                + control.column("TRIGGER_VERSION")
                + " < ?")) {
      ps.setInt(1, CaptureInstaller.TRIGGER_VERSION);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          names.add(rs.getString(1));
        }
      }
    }
    return names;
  }
}
