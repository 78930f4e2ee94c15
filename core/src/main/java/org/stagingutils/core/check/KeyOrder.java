// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.core.check;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;

/**
 * Orders row keys column by column, numbers by value (999 before 1001) and anything else by its
 * text, with SQL NULL first: reports list rows in the same order on every run and every database.
 */
enum KeyOrder implements Comparator<Map<String, Object>> {
  INSTANCE;

  @Override
  public int compare(Map<String, Object> left, Map<String, Object> right) {
    Iterator<Object> a = left.values().iterator();
    Iterator<Object> b = right.values().iterator();
    while (a.hasNext() && b.hasNext()) {
      int order = compareValues(a.next(), b.next());
      if (order != 0) {
        return order;
      }
    }
    return Boolean.compare(a.hasNext(), b.hasNext());
  }

  private static int compareValues(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    if (a instanceof Number x && b instanceof Number y) {
      return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString()));
    }
    return a.toString().compareTo(b.toString());
  }
}
