// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

/** The checks stagingcheck knows, named as on its command line. */
public enum CheckKind {
  /** Pending rows that would collide in production on a primary key or unique index. */
  UNIQUE,
  /** Pending changes whose production row was edited since the session started. */
  DRIFT,
  /** Referenced rows that exist neither in production nor among the pending changes. */
  REFERENCES,
  /**
   * Staged tables whose columns, keys or types differ between staging and production, or with a
   * column of a type the suite cannot carry intact.
   */
  SCHEMA,
  /** Staged tables with foreign keys into non-staged tables, or without any key. */
  CONFIG
}
