// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.progress;

/**
 * Told how far a long operation has come, so that a terminal can show it. The engines report
 * through it and never draw; every method does nothing unless a display overrides it.
 */
public interface ProgressListener {

  /** Reports to nobody: what the engines use unless a caller wants to watch. */
  ProgressListener NONE = new ProgressListener() {};

  /**
   * Whether anyone watches. Engines skip work done only for the display (such as counting a table's
   * rows up front) when nobody does.
   */
  default boolean active() {
    return false;
  }

  /**
   * A new stretch of work starts, such as copying one table; its count starts from zero.
   *
   * @param task what is being done, such as {@code copying}
   * @param total how many units the stretch holds; 0 or less when unknown
   * @param unit what is counted, such as {@code rows}
   */
  default void begin(String task, long total, String unit) {}

  /** What the work is being done to now, such as {@code CATENTRY (3/9)}. */
  default void item(String item) {}

  /** {@code units} more units of the current stretch are done. */
  default void advance(long units) {}

  /** The work is over (or failed): take the display down before anything else is printed. */
  default void end() {}
}
