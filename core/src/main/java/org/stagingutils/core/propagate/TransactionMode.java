// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/** How much of a propagation one transaction covers. */
public enum TransactionMode {
  /** All or nothing. */
  ONE,
  /** Commit table by table. */
  TABLE
}
