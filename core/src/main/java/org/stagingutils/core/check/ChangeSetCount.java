// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

/**
 * Unprocessed changes of one change set.
 *
 * @param changeSet its name; {@code null} for edits made without one
 */
public record ChangeSetCount(String changeSet, long pendingChanges) {}
