// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.time.Duration;

/**
 * One copied table: its name as the database stores it and production's row count.
 *
 * @param elapsed time spent reading and writing this table
 */
public record TableCopy(String table, long rows, Duration elapsed) {}
