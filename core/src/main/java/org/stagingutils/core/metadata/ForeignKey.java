// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.sql.DatabaseMetaData;
import java.util.List;

/**
 * A foreign key from {@code table(columns)} to {@code referencedTable(referencedColumns)}.
 *
 * @param deleteRule {@link java.sql.DatabaseMetaData} {@code importedKey*} code
 * @param deferrable true when the database can defer the check to commit
 */
public record ForeignKey(
    String name,
    TableName table,
    List<String> columns,
    TableName referencedTable,
    List<String> referencedColumns,
    int updateRule,
    int deleteRule,
    boolean deferrable) {

  public ForeignKey {
    columns = List.copyOf(columns);
    referencedColumns = List.copyOf(referencedColumns);
  }

  /**
   * Whether deleting a referenced row deletes the rows referencing it ({@code ON DELETE CASCADE}).
   */
  public boolean cascadesDeletes() {
    return deleteRule == DatabaseMetaData.importedKeyCascade;
  }

  public boolean selfReferencing() {
    return table.name().equals(referencedTable.name());
  }
}
