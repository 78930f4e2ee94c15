// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.prop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stagingutils.core.cli.CommandRun;

class PropCommandTest {
  @TempDir Path dir;

  private static CommandRun run(String... args) {
    return CommandRun.execute(new PropCommand().environment(Map.of()), args);
  }

  @Test
  void helpListsTheOptions() {
    CommandRun run = run("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "Usage: stagingprop",
            "--on-conflict",
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
    assertThat(run.out()).startsWith("stagingprop ").doesNotContain("unknown", "${");
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
        .startsWith("stagingprop: error: config file");
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
  void completeSettingsReachTheEngineWithoutLeakingPasswords() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nproduction-password=topsecret\n"
            + "scope.site=STORE,LANGUAGE\n");

    CommandRun run =
        run("--config", config.toString(), "--table", "store", "--format", "json", "-v");

    // The empty in-memory databases hold no staged table: a configuration error naming it.
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).contains("\"status\":\"error\"").containsIgnoringCase("store");
    assertThat(run.out() + run.err()).doesNotContain("secret");
  }

  @Test
  void scriptFileRefusesUntilTheEngineCanWriteOne() {
    CommandRun run =
        run(
            "--staging-url",
            "jdbc:h2:mem:s",
            "--production-url",
            "jdbc:h2:mem:p",
            "--script-file",
            dir.resolve("prop.sql").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--script-file", "--dry-run");
    assertThat(dir.resolve("prop.sql")).doesNotExist();
  }

  @Test
  void lockTimeoutBelowOneSecondIsAUsageError() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config, "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nscope.site=STORE\n");

    CommandRun run = run("--config", config.toString(), "--lock-timeout", "0");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lock-timeout must be at least 1");
  }

  @Test
  void malformedLockTimeoutInTheConfigFileNamesTheKey() throws IOException {
    Path config = dir.resolve("staging.properties");
    Files.writeString(
        config,
        "staging-url=jdbc:h2:mem:s\nproduction-url=jdbc:h2:mem:p\nlock-timeout=soon\n"
            + "scope.site=STORE\n");

    CommandRun run = run("--config", config.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("lock-timeout=soon", "whole number");
  }
}
