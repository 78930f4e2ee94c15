// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.time.Duration;
import java.util.List;

/**
 * What {@code stagingcopy} did, or on a dry run would do.
 *
 * @param sessionId the staging session the copy started; 0 on a dry run or when writing a script
 * @param tables the copied tables in the order they were written, parents first
 * @param rows production rows copied, over all tables
 */
public record CopyResult(
    long sessionId, List<TableCopy> tables, long rows, boolean dryRun, Duration elapsed) {

  public CopyResult {
    tables = List.copyOf(tables);
  }
}
