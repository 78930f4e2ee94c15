// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;

/**
 * A zonky embedded PostgreSQL whose data directory outlives each start: initdb runs only when the
 * directory holds no cluster yet, so a second start finds the first one's databases.
 */
final class DedicatedPostgres implements DedicatedServer.Process {
  private final Path dataDirectory;
  private final int port;
  private EmbeddedPostgres running;

  DedicatedPostgres(Path directory, int port) {
    this.dataDirectory = directory.resolve("data");
    this.port = port;
  }

  @Override
  public void start() throws Exception {
    running =
        EmbeddedPostgres.builder()
            .setDataDirectory(dataDirectory)
            .setCleanDataDirectory(false)
            .setPort(port)
            .start();
  }

  /** pg_ctl stop -m fast: what a service restart does, every session ended at once. */
  @Override
  public void stop() throws Exception {
    if (running != null) {
      running.close();
      running = null;
    }
  }
}
