// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.dialect;

import java.sql.SQLException;

/** A held run lock; closing releases it (so does the death of its connection). */
@FunctionalInterface
public interface RunLock extends AutoCloseable {
  @Override
  void close() throws SQLException;
}
