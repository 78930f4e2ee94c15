// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.connect.Database;
import org.stagingutils.core.control.ChangeLog;
import org.stagingutils.core.control.ControlTables;
import org.stagingutils.core.metadata.MetadataReader;
import org.stagingutils.core.metadata.TableMetadata;

/** Stops a copy that would overwrite staging changes nobody has propagated yet. */
final class PendingChanges {
  private static final Logger LOG = LoggerFactory.getLogger(PendingChanges.class);

  private PendingChanges() {}

  static void refuseUnlessForced(Database staging, List<TableMetadata> tables, boolean force) {
    Map<String, Long> pending;
    try (Connection connection = staging.connection()) {
      ControlTables control = staging.controlTables();
      // Before the first copy there is no change log, hence nothing pending.
      if (!new MetadataReader(connection, staging.dialect())
          .exists(control.table(ControlTables.CAPTURED_TABLES))) {
        return;
      }
      pending = new ChangeLog(control).pendingCounts(connection, tables);
    } catch (SQLException e) {
      throw StagingException.database("cannot read the change log of the staging database", e);
    }
    if (pending.isEmpty()) {
      return;
    }
    String list =
        pending.entrySet().stream()
            .map(e -> e.getKey() + ": " + e.getValue() + " unpropagated changes")
            .collect(Collectors.joining(", "));
    if (force) {
      LOG.warn("--force: discarding unpropagated staging changes ({})", list);
      return;
    }
    throw new StagingException(
        ErrorCategory.REFUSED,
        "staging holds changes the copy would overwrite ("
            + list
            + "): run stagingprop first, or --force to discard them");
  }
}
