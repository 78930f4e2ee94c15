// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import java.util.Map;

/**
 * A pending change outside the selected change sets that a selected change depends on.
 *
 * @param changeSet the change set holding it; {@code null} for edits made without one
 * @param reason why a selected change needs it, naming that change's row; {@code null} if unknown
 */
public record MissingPrerequisite(
    String table, Map<String, Object> key, String changeSet, String reason) {
  public MissingPrerequisite {
    key = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(key));
  }

  public MissingPrerequisite(String table, Map<String, Object> key, String changeSet) {
    this(table, key, changeSet, null);
  }
}
