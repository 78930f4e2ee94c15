// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One conflicting row.
 *
 * @param key the row's capture key, column name to value
 * @param index the unique index concerned, for {@link ConflictKind#UNIQUE}
 * @param differences the columns where the two sides disagree, in the table's column order; empty
 *     where one side has no row
 */
public record Conflict(
    String table,
    Map<String, Object> key,
    ConflictKind kind,
    String message,
    Optional<String> index,
    List<ColumnDifference> differences) {
  public Conflict {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
    differences = List.copyOf(differences);
  }

  public Conflict(String table, Map<String, Object> key, ConflictKind kind, String message) {
    this(table, key, kind, message, Optional.empty(), List.of());
  }
}
