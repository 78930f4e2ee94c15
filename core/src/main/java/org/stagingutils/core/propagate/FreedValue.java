// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/**
 * A pending row ({@code holderKey}) that frees a unique value which another pending row of the same
 * table ({@code takerKey}) takes: production must see the holder's change first, so the taker can
 * only be propagated together with it.
 *
 * @param holderKey the key of the holder's row action (for a key move: where the row moves to)
 * @param value the value and its index, for people: {@code unique value PARTNUMBER=X of index I}
 */
record FreedValue(String takerKey, String holderKey, String value) {}
