// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backstop for tests that forget to close their databases: whatever is still open when the JVM
 * exits is dropped, so servers shared between runs do not fill up with leftovers.
 */
final class OpenDatabases {
  private static final Set<TestDatabase> OPEN = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(OpenDatabases::dropAll, "drop-test-databases"));
  }

  private OpenDatabases() {}

  static void remember(TestDatabase database) {
    OPEN.add(database);
  }

  static void forget(TestDatabase database) {
    OPEN.remove(database);
  }

  private static void dropAll() {
    for (TestDatabase database : List.copyOf(OPEN)) {
      try {
        database.close();
      } catch (RuntimeException e) {
        // The JVM is exiting and the server may already be gone (Testcontainers stops it too).
        System.err.println(e.getMessage());
      }
    }
  }
}
