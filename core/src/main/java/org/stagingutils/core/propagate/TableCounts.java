// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/** Consolidated actions applied (or planned, on a dry run) to one production table. */
public record TableCounts(String table, long inserted, long updated, long deleted) {
  public long total() {
    return inserted + updated + deleted;
  }
}
