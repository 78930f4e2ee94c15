// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs whole processes under /usr/bin/time, which reports the peak resident memory of the process
 * (the largest of its children for a shell pipeline); the wall time is measured here. Output goes
 * to a log file per run in the work directory, so a failure can be read afterwards.
 */
final class ProcessRunner {
  private static final Logger LOG = LoggerFactory.getLogger(ProcessRunner.class);
  private static final String TIME = "/usr/bin/time";

  private final Path workDir;
  private int sequence;

  ProcessRunner(Path workDir) {
    this.workDir = workDir;
  }

  Path workDir() {
    return workDir;
  }

  /** Runs a shell pipeline with bash's pipefail, so a failing first stage fails the run. */
  Sample runShell(String label, String script, Map<String, String> environment) {
    return run(label, List.of("bash", "-o", "pipefail", "-c", script), environment);
  }

  Sample run(String label, List<String> command, Map<String, String> environment) {
    Path log = workDir.resolve(String.format("%03d-%s.log", ++sequence, label));
    Path timeFile = workDir.resolve(String.format("%03d-%s.time", sequence, label));
    List<String> timed = new ArrayList<>(List.of(TIME, "-f", "%M", "-o", timeFile.toString()));
    timed.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(timed).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().putAll(environment);
    LOG.debug("{}: {}", label, command);
    try {
      long start = System.nanoTime();
      int exit = builder.start().waitFor();
      double seconds = (System.nanoTime() - start) / 1e9;
      if (exit != 0) {
        throw new BenchException(
            label
                + " failed with exit code "
                + exit
                + "; its output is in "
                + log
                + ":\n"
                + tail(log));
      }
      return new Sample(seconds, peakRss(timeFile));
    } catch (IOException e) {
      throw new BenchException(label + ": cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BenchException(label + " interrupted", e);
    }
  }

  /** The text a process printed, for the few measurements read from a tool's own report. */
  static String output(Path log) {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new BenchException("cannot read " + log + ": " + e.getMessage(), e);
    }
  }

  Path lastLog() {
    try (var files = Files.list(workDir)) {
      String prefix = String.format("%03d-", sequence);
      return files
          .filter(p -> p.getFileName().toString().startsWith(prefix))
          .filter(p -> p.toString().endsWith(".log"))
          .findFirst()
          .orElseThrow();
    } catch (IOException e) {
      throw new BenchException("cannot list " + workDir + ": " + e.getMessage(), e);
    }
  }

  private static long peakRss(Path timeFile) throws IOException {
    // time -o writes "Command exited with non-zero status" lines before the format on failure
    List<String> lines = Files.readAllLines(timeFile, StandardCharsets.UTF_8);
    return Long.parseLong(lines.get(lines.size() - 1).trim());
  }

  private static String tail(Path log) {
    List<String> lines = output(log).lines().toList();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
  }
}
