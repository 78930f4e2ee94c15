// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.metadata;

import java.util.List;

/** A primary key or unique index: its name and its columns in key order. */
public record Key(String name, List<String> columns, boolean primary) {
  public Key {
    columns = List.copyOf(columns);
  }
}
