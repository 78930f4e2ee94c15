// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/**
 * One column on which two versions of a row disagree.
 *
 * @param staging staging's side: the value staging started from (an edited row) or the value it
 *     wants (an inserted row, a unique value); {@code null} for SQL NULL
 * @param production production's value; {@code null} for SQL NULL
 */
public record ColumnDifference(String column, Object staging, Object production) {}
