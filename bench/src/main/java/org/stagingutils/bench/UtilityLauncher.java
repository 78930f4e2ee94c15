// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Runs the real launchers (scripts/stagingcopy, ...) of the build tree, as a user would, with a
 * config file naming the benchmark's databases and the heap capped through JAVA_OPTS.
 */
final class UtilityLauncher {
  private final Path repository;
  private final ProcessRunner runner;
  private final BenchDialect dialect;
  private final Results results;
  private final String javaOptions;
  private final boolean flightRecorder;
  private final Path config;

  UtilityLauncher(
      Path repository,
      ProcessRunner runner,
      BenchDialect dialect,
      BenchDatabases databases,
      Results results,
      String heap,
      boolean flightRecorder) {
    this.repository = repository;
    this.runner = runner;
    this.dialect = dialect;
    this.results = results;
    this.javaOptions = "-Xmx" + heap;
    this.flightRecorder = flightRecorder;
    this.config = runner.workDir().resolve(dialect.resourceFolder() + ".properties");
    writeConfig(databases);
  }

  /** Runs the utility and returns its wall time in seconds; its peak memory is recorded. */
  double run(String utility, String label, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(repository.resolve("scripts").resolve(utility).toString());
    command.addAll(List.of("--config", config.toString(), "--format", "json", "-q"));
    command.addAll(List.of(arguments));
    String options = javaOptions;
    if (flightRecorder) {
      Path recording = runner.workDir().resolve(dialect.resourceFolder() + "-" + label + ".jfr");
      options += " -XX:StartFlightRecording=settings=profile,filename=" + recording;
    }
    String password = dialect.address().password();
    Sample sample =
        runner.run(
            dialect.resourceFolder() + "-" + label,
            command,
            Map.of(
                "JAVA_OPTS", options,
                "STAGING_PASSWORD", password,
                "PRODUCTION_PASSWORD", password));
    results.recordMemory(dialect.displayName(), utility, sample.peakRssKb());
    return sample.seconds();
  }

  private void writeConfig(BenchDatabases databases) {
    Properties properties = new Properties();
    properties.setProperty("staging-url", dialect.jdbcUrl(databases.staging()));
    properties.setProperty("staging-user", dialect.address().user());
    properties.setProperty("production-url", dialect.jdbcUrl(databases.production()));
    properties.setProperty("production-user", dialect.address().user());
    properties.setProperty("scope.catalog", String.join(",", Catalog.TABLES));
    try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
      properties.store(writer, "written by scripts/bench");
    } catch (IOException e) {
      throw new BenchException("cannot write " + config + ": " + e.getMessage(), e);
    }
  }
}
