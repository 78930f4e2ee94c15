// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/**
 * One consolidated write to production.
 *
 * @param key the key the row has in staging now (for deletes: the key to delete)
 * @param fromKey for {@link Kind#MOVE}: the key the row has in production
 */
record RowAction(Kind kind, String key, String fromKey) {
  enum Kind {
    INSERT,
    UPDATE,
    /** Change the row's key (and values) in place, so rows referencing it can follow. */
    MOVE,
    /**
     * Delete (before any upsert) and insert again: a row deleted and re-inserted in staging, on a
     * database whose log misses what the delete cascaded, so production must cascade it itself.
     */
    REPLACE,
    DELETE
  }

  static RowAction of(Kind kind, String key) {
    return new RowAction(kind, key, null);
  }
}
