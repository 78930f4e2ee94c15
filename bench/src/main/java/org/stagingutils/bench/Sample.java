// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

/** One timed process: wall-clock seconds and its peak resident memory (0 when not measured). */
record Sample(double seconds, long peakRssKb) {}
