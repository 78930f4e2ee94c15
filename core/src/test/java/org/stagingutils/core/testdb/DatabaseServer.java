// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.sql.SQLException;

/** Somewhere test databases can be created and dropped again. */
interface DatabaseServer {

  TestDatabase createDatabase(String name) throws SQLException;

  void dropDatabase(String name) throws SQLException;
}
