// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.copy;

import java.time.Duration;

/** Rows copied (or to copy, on a dry run) into one staging table. */
public record TableCopy(String table, long rows, Duration elapsed) {}
