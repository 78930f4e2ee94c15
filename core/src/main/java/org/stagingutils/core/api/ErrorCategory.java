// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.api;

/** What kind of failure a {@link StagingException} reports; the CLI maps each to an exit code. */
public enum ErrorCategory {
  /** Bad options, configuration or schema; nothing was changed. */
  CONFIGURATION,
  /** The utility refused to run (conflicts, pending changes, missing prerequisites). */
  REFUSED,
  /** A database could not be reached or a statement failed. */
  DATABASE,
  /** Another run of a utility holds the lock on the staging database. */
  LOCKED
}
