// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/** The largest resident set one utility reached over all its runs on one server. */
record MemoryPeak(String dialect, String utility, long peakRssKb) {}
