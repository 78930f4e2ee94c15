// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/**
 * One set-based edit of the propagation workload: the statement an administrator's tool runs in
 * staging, the rows it leaves changed (a predicate on the key), and the statement that puts
 * production back as it was before the edit was propagated, so that every timed run starts alike.
 */
record Edit(String table, Kind kind, String apply, String rows, String restore) {

  enum Kind {
    INSERT,
    UPDATE,
    DELETE
  }

  /** Where production keeps the rows a delete removes, to put them back between runs. */
  String savedTable() {
    return "BENCH_SAVED_" + table;
  }
}
