// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/** What stagingprop does with a change whose production row is not what staging started from. */
public enum ConflictPolicy {
  /** Refuse before writing anything and list every conflict. */
  FAIL,
  /** Apply staging's version anyway. */
  OVERWRITE,
  /** Leave the production row alone and keep the change pending. */
  SKIP
}
