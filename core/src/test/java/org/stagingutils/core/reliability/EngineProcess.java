// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.propagate.TransactionMode;

/**
 * {@link EngineMain} in a child JVM on this JVM's class path, its output collected line by line so
 * that a test can kill it at a moment the log announces.
 */
final class EngineProcess implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread pump;
  private final long startedNanos = System.nanoTime();

  private EngineProcess(Process process) {
    this.process = process;
    this.pump = new Thread(this::pump, "engine-output");
    pump.setDaemon(true);
    pump.start();
  }

  static EngineProcess start(
      String engine, StagingConfig config, TransactionMode mode, int batchSize, List<String> tables)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(EngineMain.class.getName());
    command.add(engine);
    command.add(mode.name());
    command.add(Integer.toString(batchSize));
    command.addAll(tables);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    put(builder, "STAGING", config.staging());
    put(builder, "PRODUCTION", config.production());
    return new EngineProcess(builder.start());
  }

  private static void put(ProcessBuilder builder, String prefix, ConnectionSettings settings) {
    builder.environment().put(prefix + "_URL", settings.url());
    builder.environment().put(prefix + "_USER", settings.user());
    builder.environment().put(prefix + "_PASSWORD", settings.password());
  }

  private void pump() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (lines) {
          lines.add(line);
          lines.notifyAll();
        }
      }
    } catch (IOException e) {
      // the process was killed: its pipe is gone
    }
  }

  /** Waits until the child prints a line containing {@code fragment}; false if it never does. */
  boolean awaitLine(String fragment, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (lines) {
      int seen = 0;
      while (true) {
        for (; seen < lines.size(); seen++) {
          if (lines.get(seen).contains(fragment)) {
            return true;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0 || !process.isAlive() && !pump.isAlive()) {
          return false;
        }
        lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 50)));
      }
    }
  }

  boolean isAlive() {
    return process.isAlive();
  }

  Duration age() {
    return Duration.ofNanos(System.nanoTime() - startedNanos);
  }

  /** SIGKILL, as {@code kill -9} would; returns once the process is gone. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** The exit code, or a failure if the process does not end in time. */
  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException("engine did not finish in " + timeout + ":\n" + output());
    }
    pump.join(5_000);
    return process.exitValue();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new IOException("interrupted while ending the engine", e));
    }
  }
}
