// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.List;
import java.util.Map;

/**
 * Pair 4: the cost of the capture triggers. Staging (captured) and production (no triggers) hold
 * the same rows after stagingcopy, so the same statements run against both.
 */
final class CaptureBenchmark {
  private CaptureBenchmark() {}

  static void run(BenchContext context) {
    BenchDialect dialect = context.dialect();
    BenchDatabases databases = context.databases();
    long maxId = context.catalog().entries();
    Map<String, Summary> single =
        context
            .repeater()
            .repeat(
                List.of(
                    new Trial(
                        "single-row, no capture",
                        () -> {},
                        () ->
                            dialect.singleRowUpdateMillis(
                                context.runner(),
                                databases.production(),
                                maxId,
                                context.captureSeconds())),
                    new Trial(
                        "single-row, captured",
                        () -> {},
                        () ->
                            dialect.singleRowUpdateMillis(
                                context.runner(),
                                databases.staging(),
                                maxId,
                                context.captureSeconds()))));
    context
        .results()
        .add(
            new Comparison(
                "4a",
                "single-row update, mean latency",
                dialect.displayName(),
                "captured",
                single.get("single-row, captured"),
                "no capture",
                single.get("single-row, no capture"),
                1.3,
                "ms"));
    long bulkRows = Math.min(maxId, context.scaled(100_000));
    String bulk = "UPDATE CATENTRY SET PRICE = PRICE + 0.01 WHERE CATENTRY_ID <= " + bulkRows;
    Map<String, Summary> summaries =
        context
            .repeater()
            .repeat(
                List.of(
                    new Trial(
                        "bulk, no capture",
                        () -> {},
                        () -> timed(context, databases.production(), bulk)),
                    new Trial(
                        "bulk, captured",
                        () -> {},
                        () -> timed(context, databases.staging(), bulk))));
    context
        .results()
        .add(
            new Comparison(
                "4b",
                String.format("%,d-row update", bulkRows),
                dialect.displayName(),
                "captured",
                summaries.get("bulk, captured"),
                "no capture",
                summaries.get("bulk, no capture"),
                2.0,
                "s"));
  }

  private static double timed(BenchContext context, String database, String sql) {
    BenchDialect dialect = context.dialect();
    return context
        .runner()
        .run(
            dialect.resourceFolder() + "-bulk-" + database,
            dialect.runStatement(database, sql),
            dialect.clientEnvironment())
        .seconds();
  }
}
