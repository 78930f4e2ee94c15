// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

/**
 * SQL NULL as one side's value of a {@link Problem}: present (the side has a row, and its value is
 * NULL), unlike an empty side (the side has no such column or row). Summaries write it as JSON
 * {@code null} and as {@code NULL} in text.
 */
public enum SqlNull {
  INSTANCE;

  /** {@code value}, or this marker where it is SQL NULL. */
  public static Object orMarker(Object value) {
    return value == null ? INSTANCE : value;
  }

  @Override
  public String toString() {
    return "NULL";
  }
}
