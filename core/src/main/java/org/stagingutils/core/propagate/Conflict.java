// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.Map;

/**
 * One conflicting row.
 *
 * @param key the row's capture key, column name to value
 */
public record Conflict(String table, Map<String, Object> key, ConflictKind kind, String message) {
  public Conflict {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
  }
}
