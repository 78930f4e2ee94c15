// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Options of scripts/bench; see docs/benchmarks.md. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    version = "bench (staging utilities benchmark harness)",
    description = {
      "Times stagingcopy, stagingprop and stagingcheck against the tools a DBA would use instead,"
          + " on a generated catalog, and writes the results to docs/benchmarks.md.",
      "Creates databases named bench_PID_* on each server and drops them at the end."
    })
final class BenchCommand implements Callable<Integer> {

  enum Server {
    postgresql,
    mariadb
  }

  enum Workload {
    copy,
    prop,
    consolidation,
    capture
  }

  @Option(
      names = "--scale",
      defaultValue = "1",
      description =
          "Catalog size: 1 is about 2 million rows over 10 tables (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(
      names = "--server",
      split = ",",
      description = "postgresql, mariadb or both, comma-separated (default: both).")
  Set<Server> servers = EnumSet.allOf(Server.class);

  @Option(
      names = "--workload",
      split = ",",
      description =
          "copy, prop (propagation and check), consolidation, capture; comma-separated"
              + " (default: all).")
  Set<Workload> workloads = EnumSet.allOf(Workload.class);

  @Option(
      names = "--postgres-url",
      defaultValue = "jdbc:postgresql://127.0.0.1:5432/postgres",
      description = "An existing database to connect to (default: ${DEFAULT-VALUE}).")
  String postgresUrl;

  @Option(
      names = "--postgres-user",
      defaultValue = "postgres",
      description = "(default: ${DEFAULT-VALUE}); password from BENCH_POSTGRES_PASSWORD.")
  String postgresUser;

  @Option(
      names = "--mariadb-url",
      defaultValue = "jdbc:mariadb://127.0.0.1:3306/",
      description = "(default: ${DEFAULT-VALUE}).")
  String mariadbUrl;

  @Option(
      names = "--mariadb-user",
      defaultValue = "root",
      description = "(default: ${DEFAULT-VALUE}); password from BENCH_MARIADB_PASSWORD.")
  String mariadbUser;

  @Option(
      names = "--runs",
      defaultValue = "3",
      description = "Measured runs of each side (default: ${DEFAULT-VALUE}).")
  int runs;

  @Option(
      names = "--warmup",
      defaultValue = "1",
      description = "Warm-up runs of each side, not counted (default: ${DEFAULT-VALUE}).")
  int warmup;

  @Option(
      names = "--heap",
      defaultValue = "256m",
      description = "Heap cap of every utility run, -Xmx (default: ${DEFAULT-VALUE}).")
  String heap;

  @Option(
      names = "--capture-seconds",
      defaultValue = "5",
      description = "Length of each single-row update run (default: ${DEFAULT-VALUE}).")
  int captureSeconds;

  @Option(
      names = "--output",
      defaultValue = "docs/benchmarks.md",
      description =
          "Page whose results section is replaced, relative to the repository; - for none (default: ${DEFAULT-VALUE}).")
  String output;

  @Option(
      names = "--note",
      defaultValue = "",
      description = "A sentence printed under the machine description, e.g. that it was shared.")
  String note;

  @Option(
      names = "--jfr",
      description = "Record every utility run with Java Flight Recorder into the work directory.")
  boolean flightRecorder;

  @Option(
      names = "--repository",
      defaultValue = ".",
      description = "The build tree whose scripts/ are timed (scripts/bench passes its own).")
  Path repository;

  @Option(
      names = "--summarize-jfr",
      paramLabel = "FILE",
      description = "Print where a --jfr recording waited and spent CPU, then exit.")
  Path recording;

  @Option(
      names = "--chart-only",
      description =
          "Draw the chart of the results table already in the --output page, beside it, then"
              + " exit; nothing is measured.")
  boolean chartOnly;

  @Override
  public Integer call() throws Exception {
    if (recording != null) {
      FlightRecordingSummary.read(recording).print(System.out);
      return 0;
    }
    if (chartOnly) {
      return chartOnly();
    }
    if (scale <= 0 || runs < 1 || warmup < 0 || captureSeconds < 1) {
      System.err.println("bench: --scale must be positive, --runs at least 1, --warmup at least 0");
      return 2;
    }
    List<BenchDialect> dialects =
        servers.stream()
            .sorted()
            .map(
                server ->
                    server == Server.postgresql
                        ? (BenchDialect)
                            new PostgresBench(
                                ServerAddress.parse(
                                    postgresUrl,
                                    5432,
                                    postgresUser,
                                    System.getenv("BENCH_POSTGRES_PASSWORD")))
                        : new MariaDbBench(
                            ServerAddress.parse(
                                mariadbUrl,
                                3306,
                                mariadbUser,
                                System.getenv("BENCH_MARIADB_PASSWORD"))))
            .toList();
    BenchRun run =
        new BenchRun(
            repository.toAbsolutePath().normalize(),
            scale,
            workloads,
            new Repeater(warmup, runs),
            heap,
            captureSeconds,
            flightRecorder);
    Results results = run.run(dialects);
    String settings =
        String.format(
            java.util.Locale.ROOT,
            "--scale %s --runs %d --warmup %d --heap %s",
            scale,
            runs,
            warmup,
            heap);
    BenchmarkReport report = new BenchmarkReport(results, MachineInfo.current(), settings, note);
    System.out.print(report.markdown());
    if (!"-".equals(output)) {
      report.writeTo(repository.resolve(output));
      System.err.println("bench: results written to " + repository.resolve(output));
    }
    return 0;
  }

  private int chartOnly() throws IOException {
    if ("-".equals(output)) {
      System.err.println("bench: --chart-only reads the --output page: give one, not -");
      return 2;
    }
    Path page = repository.resolve(output);
    if (!Files.isRegularFile(page)) {
      System.err.println("bench: " + page + " does not exist");
      return 2;
    }
    try {
      System.err.println("bench: chart written to " + PublishedChart.redraw(page));
      return 0;
    } catch (BenchException e) {
      System.err.println("bench: " + page + ": " + e.getMessage());
      return 2;
    }
  }
}
