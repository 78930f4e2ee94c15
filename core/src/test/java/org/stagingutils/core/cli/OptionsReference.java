// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The options table of a utility's page in {@code docs/}, generated from its picocli model so that
 * the page never drifts from {@code --help}. The table sits between two HTML comments in the page;
 * each executable's docs test compares it with the model, and rewrites it when the environment
 * variable {@code UPDATE_DOCS} (or the system property {@code docs.update}) is {@code true}.
 */
public final class OptionsReference {
  public static final String BEGIN =
      "<!-- BEGIN GENERATED OPTIONS: edit the @Option descriptions, then run the docs test with"
          + " UPDATE_DOCS=true -->";
  public static final String END = "<!-- END GENERATED OPTIONS -->";

  /**
   * Options that the config file may also give, under their long name without dashes. Settings
   * resolution lives in the commands ({@code Settings.value}, {@code integer}, {@code choice}), not
   * in the picocli model, hence this list: add a key here when a command starts reading it.
   */
  static final Set<String> CONFIG_KEYS =
      Set.of(
          "staging-url",
          "staging-user",
          "staging-password",
          "production-url",
          "production-user",
          "production-password",
          "staging-schema",
          "production-schema",
          "scope",
          "format",
          "log",
          "batch-size",
          "on-conflict",
          "transaction",
          "retain-days",
          "lock-timeout");

  private static final Pattern ENVIRONMENT = Pattern.compile("\\s*\\(env ([A-Z_]+)\\)");
  private static final Pattern OPTION_TOKEN =
      Pattern.compile("(?<![\\w-])(--?[A-Za-z][A-Za-z0-9-]*)");

  private OptionsReference() {}

  /** The Markdown table of every option of {@code command}, in {@code --help} order. */
  public static String table(Object command) {
    CommandSpec spec = new CommandLine(command).getCommandSpec();
    StringBuilder table = new StringBuilder();
    table.append("| Option | Config key | Environment | Meaning |\n");
    table.append("|---|---|---|---|\n");
    for (OptionSpec option : spec.options()) {
      if (option.hidden()) {
        continue;
      }
      String description = String.join(" ", option.description());
      Matcher environment = ENVIRONMENT.matcher(description);
      String variable = environment.find() ? "`" + environment.group(1) + "`" : "";
      String key =
          CONFIG_KEYS.contains(bare(option.longestName())) ? bare(option.longestName()) : "";
      table
          .append("| ")
          .append(synopsis(option))
          .append(" | ")
          .append(key.isEmpty() ? "" : "`" + key + "`")
          .append(" | ")
          .append(variable)
          .append(" | ")
          .append(ENVIRONMENT.matcher(description).replaceAll("").replace("|", "\\|"))
          .append(" |\n");
    }
    return table.toString();
  }

  private static String synopsis(OptionSpec option) {
    String names =
        List.of(option.names()).stream()
            .map(n -> "`" + n + param(option) + "`")
            .collect(Collectors.joining(", "));
    return option.isMultiValue() ? names + " (repeatable)" : names;
  }

  private static String param(OptionSpec option) {
    if (option.arity().max() == 0) {
      return "";
    }
    String label = option.paramLabel().replace("|", "\\|");
    return option.arity().min() == 0 ? "[=" + label + "]" : " " + label;
  }

  private static String bare(String name) {
    return name.replaceFirst("^-+", "");
  }

  /** Every option name that {@code --help} prints, also those mentioned in descriptions. */
  public static Set<String> optionsInHelp(Object command) {
    String help = new CommandLine(command).getUsageMessage(CommandLine.Help.Ansi.OFF);
    Set<String> names = new LinkedHashSet<>();
    Matcher token = OPTION_TOKEN.matcher(help);
    while (token.find()) {
      String name = token.group(1);
      if (name.matches("-[A-Za-z]{2,}")) {
        // clustered short options in the synopsis, e.g. [-hqvV]
        name.substring(1).chars().forEach(c -> names.add("-" + (char) c));
      } else {
        names.add(name);
      }
    }
    return names;
  }

  /** The generated part of a docs page, empty if the page has no markers. */
  public static Optional<String> generatedPart(String page) {
    int begin = page.indexOf(BEGIN);
    int end = page.indexOf(END);
    if (begin < 0 || end < begin) {
      return Optional.empty();
    }
    return Optional.of(page.substring(begin + BEGIN.length(), end).strip() + "\n");
  }

  /**
   * Compares the page's generated table with {@code command}'s model; with UPDATE_DOCS=true,
   * rewrites it instead. Returns the table as the page has it after this call.
   */
  public static String check(Path page, Object command) {
    String text = read(page);
    String expected = table(command);
    if (updateRequested() && !generatedPart(text).orElse("").equals(expected)) {
      int begin = text.indexOf(BEGIN);
      int end = text.indexOf(END);
      if (begin < 0 || end < begin) {
        throw new IllegalStateException(page + " has no " + BEGIN + " ... " + END + " markers");
      }
      String updated =
          text.substring(0, begin + BEGIN.length()) + "\n" + expected + text.substring(end);
      write(page, updated);
      text = updated;
    }
    return generatedPart(text).orElse("");
  }

  /** The docs page of a utility, seen from its module's directory (Surefire's working dir). */
  public static Path page(String utility) {
    return Path.of("..", "docs", utility + ".md").toAbsolutePath().normalize();
  }

  public static String read(Path page) {
    try {
      return Files.readString(page, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Path page, String text) {
    try {
      Files.writeString(page, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean updateRequested() {
    Map<String, String> environment = System.getenv();
    return "true".equalsIgnoreCase(environment.getOrDefault("UPDATE_DOCS", ""))
        || Boolean.getBoolean("docs.update");
  }
}
