// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.stagingutils.core.cli.CommandContract;
import org.stagingutils.core.cli.CommandRun;

class CheckCommandTest extends CommandContract {
  CheckCommandTest() {
    super("stagingcheck", CheckCommand::new, "--check");
  }

  @Test
  void completeSettingsReachTheEngineWithoutLeakingPasswords() throws IOException {
    CommandRun run = runWithSecretInConfig();

    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode summary = new ObjectMapper().readTree(run.out());
    assertThat(summary.get("status").asText()).isEqualTo("problems");
    assertThat(summary.get("problems").get(0).get("message").asText())
        .contains("exists in neither database");
    assertThat(run.out() + run.err()).doesNotContain("secret");
  }
}
