// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BiConsumer;
import org.stagingutils.core.dialect.Dialect;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.TableMetadata;

/**
 * Finds the rows of one table that reference given parent rows through one foreign key, in batches
 * through the foreign key's columns: one query per batch of parents, never one per parent.
 */
final class ProductionReferences {
  private final Dialect dialect;
  private final TableMetadata child;
  private final int batchSize;

  ProductionReferences(Dialect dialect, TableMetadata child, int batchSize) {
    this.dialect = dialect;
    this.child = child;
    this.batchSize = batchSize;
  }

  /**
   * @param parentKeys key JSON of the referenced rows, as the capture triggers write it
   * @param sink receives each referencing row: its own key JSON (empty text where the table has no
   *     capture key), then the key JSON of the parent it references
   */
  void find(
      ForeignKey fk,
      List<String> parentKeys,
      Connection connection,
      BiConsumer<String, String> sink)
      throws SQLException {
    String childKey = child.captureKey().isPresent() ? dialect.keyJson(child, "t") : "''";
    TupleQuery.byKeyTexts(dialect, child, fk.columns(), batchSize)
        .select(
            connection,
            childKey + ", " + dialect.columnsJson(child, fk.columns(), "t"),
            RowFetcher.texts(parentKeys),
            rs -> sink.accept(rs.getString(1), rs.getString(2)));
  }
}
