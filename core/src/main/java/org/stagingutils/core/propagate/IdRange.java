// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/**
 * A run of consecutive change-log ids, every one of them read by the run. Because no id inside it
 * is missing, a statement over the whole range touches exactly the rows the run read, whatever
 * commits later: a row the run did not see has an id outside every range.
 */
record IdRange(long first, long last) {

  long size() {
    return last - first + 1;
  }
}
