// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.Optional;

/**
 * One way a staged table differs between staging and production.
 *
 * @param column the column concerned; empty for keys, foreign keys and column order
 * @param message the difference in one sentence, naming the table
 * @param staging staging's side (a column definition, keys...); empty where it has none
 * @param production production's side; empty where it has none
 */
public record TableDifference(
    Optional<String> column,
    String message,
    Optional<String> staging,
    Optional<String> production) {}
