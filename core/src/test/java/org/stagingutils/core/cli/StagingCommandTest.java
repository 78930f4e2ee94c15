// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.core.api.ErrorCategory;
import org.stagingutils.core.api.StagingException;
import picocli.CommandLine.Command;

class StagingCommandTest {
  @TempDir Path dir;

  /** Resolves everything a utility would, then fails the way it is told to. */
  @Command(name = "stagingtest")
  static final class FailingCommand extends StagingCommand {
    private final RuntimeException failure;
    List<String> tables;

    FailingCommand(RuntimeException failure) {
      this.failure = failure;
      environment(Map.of());
    }

    @Override
    protected int run(Settings settings) {
      settings.stagingConfig();
      tables = tables(settings);
      throw failure;
    }
  }

  private Path config() throws IOException {
    Path file = dir.resolve("staging.properties");
    Files.writeString(
        file,
        "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nproduction-password=topsecret\n"
            + "scope.site=STORE,LANGUAGE\nscope.merchant=CATALOG\n");
    return file;
  }

  @Test
  void eachCategoryGivesOneLineOnStderrAndItsExitCode() throws IOException {
    for (ErrorCategory category : ErrorCategory.values()) {
      CommandRun run =
          CommandRun.execute(
              new FailingCommand(new StagingException(category, "went wrong")),
              "--config",
              config().toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.of(category));
      assertThat(run.errLines()).containsExactly("stagingtest: error: went wrong");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void jsonFormatPrintsOneErrorObjectOnStdout() throws IOException {
    CommandRun run =
        CommandRun.execute(
            new FailingCommand(new StagingException(ErrorCategory.REFUSED, "conflicts")),
            "--config",
            config().toString(),
            "--format",
            "json");

    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(run.out().strip()).doesNotContain("\n");
    assertThat(summary.get("status").asText()).isEqualTo("refused");
    assertThat(summary.get("exitCode").asInt()).isEqualTo(1);
    assertThat(summary.get("message").asText()).isEqualTo("conflicts");
  }

  @Test
  void unexpectedFailureIsExit3WithStackTraceOnlyWhenVerbose() throws IOException {
    String file = config().toString();
    CommandRun quiet =
        CommandRun.execute(new FailingCommand(new IllegalStateException("bug")), "--config", file);
    CommandRun verbose =
        CommandRun.execute(
            new FailingCommand(new IllegalStateException("bug")), "--config", file, "-v");

    assertThat(quiet.exitCode()).isEqualTo(3);
    assertThat(quiet.errLines()).hasSize(1);
    assertThat(quiet.err()).contains("IllegalStateException: bug");
    assertThat(verbose.exitCode()).isEqualTo(3);
    assertThat(verbose.err()).contains("\tat ");
  }

  @Test
  void scopeAndTablesComeFromOptionsAndConfig() throws IOException {
    FailingCommand command = new FailingCommand(new StagingException(ErrorCategory.DATABASE, "x"));
    CommandRun.execute(
        command, "--config", config().toString(), "--scope", "site", "--table", "language");

    assertThat(command.tables).containsExactly("LANGUAGE");
  }

  @Test
  void configurationErrorBeforeResolutionStillHonoursJsonFromTheCommandLine() {
    CommandRun run =
        CommandRun.execute(
            new FailingCommand(new IllegalStateException("unreached")),
            "--format=json",
            "--config",
            dir.resolve("missing.properties").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.out()).contains("\"status\":\"error\"", "\"exitCode\":2");
  }

  @Test
  void usageErrorIsOneLineExit2AndJsonWhenAsked() {
    CommandRun run = CommandRun.execute(new FailingCommand(null), "--bogus", "--format", "json");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.errLines()).hasSize(1);
    assertThat(run.errLines()[0]).startsWith("stagingtest: error: Unknown option: '--bogus'");
    assertThat(run.out()).contains("\"exitCode\":2");
  }

  @Test
  void mistypedPasswordOptionDoesNotEchoThePassword() {
    CommandRun run = CommandRun.execute(new FailingCommand(null), "--staging-pasword=hunter2");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).doesNotContain("hunter2");
  }

  @Test
  void passwordNeverReachesOutputEvenVerbose() throws IOException {
    CommandRun run =
        CommandRun.execute(
            new FailingCommand(new StagingException(ErrorCategory.DATABASE, "down")),
            "--config",
            config().toString(),
            "--staging-password=clisecret",
            "--format",
            "json",
            "-v");

    assertThat(run.out() + run.err()).doesNotContain("secret");
  }
}
