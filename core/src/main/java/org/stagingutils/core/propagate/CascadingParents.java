// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.sql.DatabaseMetaData;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stagingutils.core.metadata.ForeignKey;
import org.stagingutils.core.metadata.TableMetadata;

/** Tables whose deletes cascade (delete or set null) into other staged tables. */
final class CascadingParents {
  private CascadingParents() {}

  static Set<String> of(List<TableMetadata> tables) {
    Set<String> parents = new HashSet<>();
    for (TableMetadata table : tables) {
      for (ForeignKey fk : table.foreignKeys()) {
        if (fk.cascadesDeletes() || fk.deleteRule() == DatabaseMetaData.importedKeySetNull) {
          parents.add(fk.referencedTable().name());
        }
      }
    }
    return parents;
  }
}
