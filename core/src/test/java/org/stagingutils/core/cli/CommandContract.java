// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every executable promises alike (SPEC.md's common options and exit codes, a documented
 * option table); each executable's test class extends this and adds what only it does.
 */
public abstract class CommandContract {
  @TempDir protected Path dir;

  private final String utility;
  private final Supplier<StagingCommand> command;
  private final String ownOption;

  /**
   * @param ownOption an option only this utility has, proving help describes the right command
   */
  protected CommandContract(String utility, Supplier<StagingCommand> command, String ownOption) {
    this.utility = utility;
    this.command = command;
    this.ownOption = ownOption;
  }

  /** Runs the utility with an empty environment, so the machine's variables cannot leak in. */
  protected CommandRun run(String... args) {
    return CommandRun.execute(command.get().environment(Map.of()), args);
  }

  /**
   * Runs the utility, verbose and with JSON output, from a complete config file whose production
   * password is {@code topsecret}, on empty in-memory databases that hold no table {@code store}.
   */
  protected CommandRun runWithSecretInConfig() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nproduction-password=topsecret\n"
            + "scope.site=STORE,LANGUAGE\n");
    return run("--config", config.toString(), "--table", "store", "--format", "json", "-v");
  }

  @Test
  void helpListsTheOptions() {
    CommandRun run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Usage: " + utility,
            ownOption,
            "--staging-url",
            "--production-password",
            "--scope",
            "--format",
            "-q");
  }

  @Test
  void versionIsTheBuiltVersion() {
    CommandRun run = run("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith(utility + " ").doesNotContain("unknown", "${");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CommandRun run = run("--no-such-option");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.err()).contains("--no-such-option");
  }

  @Test
  void missingConfigFileIsOneLineAndExit2() {
    CommandRun run = run("--config", dir.resolve("missing.properties").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith(utility + ": error: config file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void missingUrlNamesWhereToGiveIt() {
    CommandRun run = run();

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("--staging-url", "STAGING_URL", "staging-url=");
  }

  @Test
  void jsonConfigurationErrorIsExactlyOneObjectOnStdout() throws IOException {
    CommandRun run =
        run("--format", "json", "--config", dir.resolve("missing.properties").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out().strip().lines()).hasSize(1);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("status").asText()).isEqualTo("error");
    assertThat(summary.get("exitCode").asInt()).isEqualTo(2);
    assertThat(summary.get("message").asText()).contains("missing.properties");
  }

  @Test
  void optionsTableOfTheDocsPageIsGeneratedFromTheCommand() {
    Path page = OptionsReference.page(utility);
    assertThat(OptionsReference.check(page, command.get()))
        .as("options table of %s; run this test with UPDATE_DOCS=true to regenerate it", page)
        .isEqualTo(OptionsReference.table(command.get()));
  }

  @Test
  void everyOptionThatHelpListsIsDocumented() {
    Path page = OptionsReference.page(utility);
    // with UPDATE_DOCS=true, regenerate the table before reading the page
    OptionsReference.check(page, command.get());
    String text = OptionsReference.read(page);

    assertThat(OptionsReference.optionsInHelp(command.get()))
        .isNotEmpty()
        .allSatisfy(
            option ->
                assertThat(
                        Pattern.compile("`" + Pattern.quote(option) + "(?![\\w-])")
                            .matcher(text)
                            .find())
                    .as("%s documents %s", page, option)
                    .isTrue());
  }
}
