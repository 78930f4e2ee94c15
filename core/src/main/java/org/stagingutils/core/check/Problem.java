// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.util.Map;
import java.util.Optional;

/**
 * One thing that would make propagation fail or overwrite someone's work.
 *
 * @param table the staged table concerned
 * @param key the row's capture key (column to value); empty for table-level problems
 * @param index the unique index concerned, for {@code unique}
 * @param column the column concerned, for {@code schema}, {@code drift} and {@code unique} (the
 *     index's columns)
 * @param staging staging's side where the sides differ: for a drifted row the value staging started
 *     from, for a row staging inserts or a unique value the value staging wants, for {@code schema}
 *     staging's definition; {@link SqlNull} for SQL NULL, empty where staging has none
 * @param production production's side, likewise
 */
public record Problem(
    CheckKind check,
    String table,
    Map<String, Object> key,
    String message,
    Optional<String> index,
    Optional<String> column,
    Optional<Object> staging,
    Optional<Object> production) {

  public Problem {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
  }

  public static Problem of(CheckKind check, String table, Map<String, Object> key, String message) {
    return new Problem(
        check,
        table,
        key,
        message,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
