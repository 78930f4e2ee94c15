// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.time.Duration;
import java.util.List;

/**
 * What a stagingcopy run copied, or would copy on a dry run.
 *
 * @param sessionId the staging session the copy started; 0 on a dry run
 * @param rows rows copied over all tables
 */
public record CopyResult(
    long sessionId, List<TableCopy> tables, long rows, boolean dryRun, Duration elapsed) {
  public CopyResult {
    tables = List.copyOf(tables);
  }
}
