// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

/**
 * A column of a staged table whose type the suite cannot carry from staging to production intact,
 * with the dialect's reason ({@link StagedTableResolver#uncarriedColumns}): stagingcopy and
 * stagingprop refuse the table, stagingcheck reports it.
 *
 * @param table the table's name as the user wrote it or the database stores it
 */
public record UncarriedColumn(String table, Column column, String reason) {

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
