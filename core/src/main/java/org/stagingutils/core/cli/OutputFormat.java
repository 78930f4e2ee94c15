// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

/** How the summary on stdout is written. */
public enum OutputFormat {
  /** For people. */
  TEXT,
  /** Exactly one JSON object, for scripts. */
  JSON
}
