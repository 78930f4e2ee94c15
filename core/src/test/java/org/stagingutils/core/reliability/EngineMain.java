// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.reliability;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stagingutils.core.api.StagingException;
import org.stagingutils.core.cli.ExitCodes;
import org.stagingutils.core.config.ConnectionSettings;
import org.stagingutils.core.config.StagingConfig;
import org.stagingutils.core.copy.CopyRequest;
import org.stagingutils.core.copy.CopyResult;
import org.stagingutils.core.copy.StagingCopy;
import org.stagingutils.core.propagate.ConflictPolicy;
import org.stagingutils.core.propagate.PropagationRequest;
import org.stagingutils.core.propagate.PropagationResult;
import org.stagingutils.core.propagate.StagingPropagation;
import org.stagingutils.core.propagate.TransactionMode;

/**
 * The engines in a JVM of their own, so that tests can kill them with SIGKILL. Connections come
 * from the environment variables the executables read (STAGING_URL, PRODUCTION_URL, ..._USER,
 * ..._PASSWORD); arguments: {@code propagate|copy TRANSACTION BATCH_SIZE TABLE...}. Exits with the
 * executables' codes.
 */
public final class EngineMain {
  private EngineMain() {}

  public static void main(String[] args) {
    String engine = args[0];
    TransactionMode mode = TransactionMode.valueOf(args[1]);
    int batchSize = Integer.parseInt(args[2]);
    List<String> tables = Arrays.asList(args).subList(3, args.length);
    StagingConfig config =
        new StagingConfig(settings("staging"), settings("production"), Map.of("all", tables));
    try {
      if (engine.equals("copy")) {
        CopyResult result =
            new StagingCopy()
                .copy(new CopyRequest(config, tables, false, false, batchSize, Optional.empty()));
        System.out.println("copied " + result.rows() + " rows");
      } else {
        PropagationResult result =
            new StagingPropagation()
                .propagate(
                    new PropagationRequest(
                        config,
                        tables,
                        ConflictPolicy.FAIL,
                        mode,
                        batchSize,
                        false,
                        Optional.empty(),
                        Optional.empty(),
                        PropagationRequest.DEFAULT_RETAIN_DAYS,
                        List.of(),
                        false));
        System.out.println(
            "run " + result.runId() + " refused=" + result.refused() + " " + result.message());
        if (result.refused()) {
          System.exit(ExitCodes.REFUSED);
        }
      }
      System.exit(ExitCodes.OK);
    } catch (StagingException e) {
      System.out.println("failed " + e.category() + ": " + e.getMessage());
      System.exit(ExitCodes.of(e.category()));
    }
  }

  private static ConnectionSettings settings(String role) {
    String prefix = role.toUpperCase(java.util.Locale.ROOT);
    return new ConnectionSettings(
        role,
        System.getenv(prefix + "_URL"),
        System.getenv(prefix + "_USER"),
        Optional.ofNullable(System.getenv(prefix + "_PASSWORD")).orElse(""),
        Optional.empty());
  }
}
