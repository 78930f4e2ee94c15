// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

/** The database products every database test runs against. */
public enum DatabaseKind {
  POSTGRESQL,
  MARIADB,
  H2
}
