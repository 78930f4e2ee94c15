// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.function.DoubleSupplier;

/**
 * One side of a comparison: how to bring the databases to its starting state (not timed) and the
 * measurement itself, in the comparison's unit.
 */
record Trial(String label, Runnable prepare, DoubleSupplier measure) {}
