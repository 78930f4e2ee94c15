// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

import org.stagingutils.core.metadata.Column;

/**
 * One value of a production statement, with the column it is for (its type binds a NULL and renders
 * a literal).
 *
 * @param keyText true for a capture-key value given as the text the key JSON holds; the statement
 *     converts it through {@link org.stagingutils.core.dialect.Dialect#keyParameter}
 */
record BoundValue(Object value, Column column, boolean keyText) {
  static BoundValue of(Column column, Object value) {
    return new BoundValue(value, column, false);
  }

  static BoundValue keyText(Column column, String text) {
    return new BoundValue(text, column, true);
  }
}
