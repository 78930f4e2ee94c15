// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/** Why a pending change cannot be applied to production without overwriting someone's work. */
public enum ConflictKind {
  /** The production row was edited since the staging session started. */
  DRIFT,
  /** An insert whose key already exists in production with other values. */
  EXISTS,
  /** An update or delete whose production row is gone. */
  MISSING,
  /** The row would collide on a unique index with another production row. */
  UNIQUE,
  /**
   * A foreign key production could not satisfy: the row references a row production lacks, or a
   * deleted row is still referenced there by rows outside the staged tables.
   */
  REFERENCE
}
