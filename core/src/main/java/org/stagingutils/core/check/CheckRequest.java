// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.stagingutils.core.config.StagingConfig;

/**
 * What {@code stagingcheck} was asked to check.
 *
 * @param tables the staged tables to check, as written in the config file
 * @param checks the checks to run, in declaration order; empty (no {@code --check}) means all
 * @param changeSets only the pending changes of these change sets; empty: everything pending
 */
public record CheckRequest(
    StagingConfig config, List<String> tables, Set<CheckKind> checks, List<String> changeSets) {

  public CheckRequest {
    tables = List.copyOf(tables);
    checks =
        Collections.unmodifiableSet(
            checks.isEmpty() ? EnumSet.allOf(CheckKind.class) : EnumSet.copyOf(checks));
    changeSets = List.copyOf(changeSets);
  }
}
