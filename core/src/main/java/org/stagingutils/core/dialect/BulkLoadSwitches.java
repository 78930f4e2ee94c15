// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.util.List;

/**
 * Statements run around a bulk load into an empty staged table, in the copy's transaction: {@code
 * before} takes per-row work off the load (the capture trigger, row-by-row foreign-key checks),
 * {@code after} puts it back, checking the loaded rows' references in one pass.
 */
public record BulkLoadSwitches(List<String> before, List<String> after) {
  public static final BulkLoadSwitches NONE = new BulkLoadSwitches(List.of(), List.of());

  public BulkLoadSwitches {
    before = List.copyOf(before);
    after = List.copyOf(after);
  }
}
