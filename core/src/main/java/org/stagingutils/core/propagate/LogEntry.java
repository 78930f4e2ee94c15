// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.propagate;

/**
 * One unprocessed change-log row, without its capture time: only {@code --before} asks for that,
 * and then only of each row's last change ({@link ChangeLogReader#captureTimes}).
 *
 * @param oldKey key JSON before the change (updates and deletes)
 * @param newKey key JSON after the change (inserts and updates)
 */
record LogEntry(long id, char op, String oldKey, String newKey, String changeSet) {}
