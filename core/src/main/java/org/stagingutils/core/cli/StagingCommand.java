// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.stagingutils.core.progress.ProgressListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What the three utilities share: the common options, settings resolution, logging setup and error
 * handling. A subclass adds its own options and turns {@link Settings} into a request.
 */
@Command(
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    modelTransformer = CommandConventions.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    showAtFileInUsageHelp = true)
public abstract class StagingCommand implements Callable<Integer> {
  @Mixin ConnectionOptions connection;
  @Mixin ConfigOptions config;
  @Mixin ScopeOptions scope;
  @Mixin OutputOptions output;
  @Mixin VerbosityOptions verbosity;
  @Spec protected CommandSpec spec;

  private Map<String, String> environment = System.getenv();
  private OutputFormat format;
  private ProgressListener progress = ProgressListener.NONE;

  /** Replaces the process environment, for tests. */
  public StagingCommand environment(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
    return this;
  }

  @Override
  public final Integer call() {
    Map<String, String> given = new LinkedHashMap<>();
    connection.putInto(given);
    scope.putInto(given);
    output.putInto(given);
    Settings settings = new SettingsResolver(environment).resolve(config.file(), given);
    format = settings.format();
    LoggingConfigurator.configure(verbosity.level(), settings.logFile());
    try {
      return run(settings);
    } finally {
      // Before the summary or an error line is printed, never over them.
      progress.end();
    }
  }

  /**
   * Where the engine reports how far it has come: a bar on stderr when a person watches a terminal,
   * otherwise nothing.
   */
  protected final ProgressListener progress() {
    if (progress == ProgressListener.NONE) {
      progress =
          ProgressDisplay.choose(
              verbosity.quiet(),
              verbosity.verbose(),
              ProgressDisplay.stderrIsTerminal(),
              environment,
              System.err);
    }
    return progress;
  }

  /** Runs the utility; returns the exit code, or throws a StagingException. */
  protected abstract int run(Settings settings);

  /** The staged tables this run works on, from the scope setting and {@code --table}. */
  protected final List<String> tables(Settings settings) {
    return settings.tables(scope.tables());
  }

  /** Prints the run's summary on stdout in the chosen format; returns its exit code. */
  protected final int print(Summary summary) {
    PrintWriter out = spec.commandLine().getOut();
    if (outputFormat() == OutputFormat.JSON) {
      out.println(SummaryJson.write(summary.json()));
    } else {
      out.print(summary.text());
    }
    out.flush();
    return summary.exitCode();
  }

  public final OutputFormat outputFormat() {
    return format != null ? format : output.format().orElse(OutputFormat.TEXT);
  }

  public final boolean verbose() {
    return verbosity.verbose();
  }
}
