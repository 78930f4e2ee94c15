// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.sql.SQLException;
import java.util.List;

/**
 * One check of stagingcheck, or one part of it: reads both databases through the context, changes
 * nothing, and returns what it found. Several classes may serve one {@link CheckKind}.
 */
interface TableCheck {

  CheckKind kind();

  List<Problem> run(CheckContext context) throws SQLException;
}
