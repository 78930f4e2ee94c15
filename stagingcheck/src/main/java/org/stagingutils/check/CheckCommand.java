// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stagingutils.core.check.CheckKind;
import org.stagingutils.core.check.CheckRequest;
import org.stagingutils.core.check.StagingCheck;
import org.stagingutils.core.cli.CheckSummary;
import org.stagingutils.core.cli.Settings;
import org.stagingutils.core.cli.StagingCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** stagingcheck: maps its options to a {@link CheckRequest}, runs the checks, prints the report. */
@Command(
    name = "stagingcheck",
    description =
        "Reports, changing nothing, what would make propagation fail or overwrite someone else's work.")
public final class CheckCommand extends StagingCommand {
  private static final Logger LOG = LoggerFactory.getLogger(CheckCommand.class);

  @Option(
      names = "--check",
      paramLabel = "NAME",
      description =
          "Run only this check, repeatable: unique, drift, references, schema or config (default: all).")
  List<CheckKind> checks = new ArrayList<>();

  @Option(
      names = "--change-set",
      paramLabel = "NAME",
      description =
          "Check only the pending changes of this change set, and list its rows and the rows it needs from other sets; repeatable.")
  List<String> changeSets = new ArrayList<>();

  @Override
  protected int run(Settings settings) {
    CheckRequest request =
        new CheckRequest(
            settings.stagingConfig(), tables(settings), Set.copyOf(checks), changeSets);
    LOG.debug("{}", request);
    return print(CheckSummary.of(new StagingCheck().check(request)));
  }
}
