// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

/** The two databases of every staging scenario, dropped together. */
public record DatabasePair(TestDatabase production, TestDatabase staging) implements AutoCloseable {

  @Override
  public void close() {
    try {
      staging.close();
    } finally {
      production.close();
    }
  }
}
