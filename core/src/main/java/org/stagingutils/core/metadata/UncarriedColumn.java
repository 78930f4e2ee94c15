// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.List;
import org.stagingutils.core.dialect.Dialect;

/**
 * A column of a staged table whose type the suite cannot carry from staging to production intact,
 * with the dialect's reason: stagingcopy and stagingprop refuse the table, stagingcheck reports it.
 *
 * @param table the table's name as the user wrote it or the database stores it
 */
public record UncarriedColumn(String table, Column column, String reason) {

  /** The columns of {@code metadata} that {@code dialect} refuses, in the table's order. */
  public static List<UncarriedColumn> of(Dialect dialect, TableMetadata metadata, String table) {
    return metadata.columns().stream()
        .flatMap(
            c ->
                dialect
                    .refusedType(c)
                    .map(reason -> new UncarriedColumn(table, c, reason))
                    .stream())
        .toList();
  }

  /** One line naming table, column and type, why, and what to do. */
  public String message() {
    return "staged table "
        + table
        + " has column "
        + column.name()
        + " of type "
        + column.typeName()
        + ", which the suite cannot carry intact ("
        + reason
        + "): change the column's type, or remove the table from the scope";
  }
}
