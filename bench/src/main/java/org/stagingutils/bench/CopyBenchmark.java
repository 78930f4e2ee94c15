// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.List;
import java.util.Map;

/** Pair 1: stagingcopy against a data-only dump piped into the client, from emptied tables. */
final class CopyBenchmark {
  private CopyBenchmark() {}

  static void run(BenchContext context) {
    BenchDialect dialect = context.dialect();
    BenchDatabases databases = context.databases();
    Runnable empty =
        BenchContext.unchecked(
            "emptying the staging tables",
            () -> dialect.emptyTables(databases.stagingConnection(), Catalog.TABLES));
    String dumpAndLoad =
        dialect.dumpAndLoadScript(databases.production(), databases.staging(), Catalog.TABLES);
    String baseline = dialect.dumpAndLoadName();
    Trial dump =
        new Trial(
            baseline,
            empty,
            () ->
                context
                    .runner()
                    .runShell(
                        dialect.resourceFolder() + "-dump-and-load",
                        dumpAndLoad,
                        dialect.clientEnvironment())
                    .seconds());
    // stagingcopy runs last in each round, so staging ends as a started session with triggers
    Trial copy =
        new Trial("stagingcopy", empty, () -> context.utilities().run("stagingcopy", "copy"));
    Map<String, Summary> summaries = context.repeater().repeat(List.of(dump, copy));
    context
        .results()
        .add(
            new Comparison(
                "1",
                "copy " + String.format("%,d", context.catalog().approximateRows()) + " rows",
                dialect.displayName(),
                "stagingcopy",
                summaries.get("stagingcopy"),
                baseline,
                summaries.get(baseline),
                1.0,
                "s"));
  }
}
