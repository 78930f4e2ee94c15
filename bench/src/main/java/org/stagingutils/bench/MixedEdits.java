// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.List;

/**
 * About 100,000 changes at scale 1 over five tables: new products with their descriptions and
 * prices, updated products, descriptions and prices, deleted attributes and category placements.
 * Every update can be undone exactly (a number moved and moved back, a character prefixed and
 * removed), which lets production be restored without copying it. Portable SQL.
 */
final class MixedEdits {
  private MixedEdits() {}

  /** In the order staging applies them: parents inserted first, deletes of leaves last. */
  static List<Edit> of(Catalog catalog, long newProducts) {
    long base = catalog.entries();
    String existing = " AND CATENTRY_ID <= " + base;
    String added = "CATENTRY_ID > " + base + " AND CATENTRY_ID <= " + (base + newProducts);
    return List.of(
        insert(
            "CATENTRY",
            "CATENTRY_ID + "
                + base
                + ", CONCAT('NEW-', PARTNUMBER), NAME, PRICE, BUYABLE, WEIGHT,"
                + " AVAILABLE_FROM, LASTUPDATE, MARKFORDELETE, FIELD1, FIELD2, URL",
            newProducts,
            added),
        insert(
            "CATENTDESC",
            "CATENTRY_ID + "
                + base
                + ", LANGUAGE_ID, NAME, SHORTDESCRIPTION, LONGDESCRIPTION,"
                + " KEYWORD, PUBLISHED",
            newProducts,
            added),
        insert(
            "LISTPRICE",
            "CATENTRY_ID + " + base + ", CURRENCY, STARTDATE, PRICE",
            newProducts,
            added),
        update(
            "CATENTRY",
            "PRICE = PRICE + 1, NAME = CONCAT('~', NAME)",
            "CATENTRY_ID % 20 = 1" + existing,
            "PRICE = PRICE - 1, NAME = SUBSTRING(NAME, 2)"),
        update(
            "CATENTDESC",
            "SHORTDESCRIPTION = CONCAT('~', SHORTDESCRIPTION)",
            "CATENTRY_ID % 20 = 2" + existing,
            "SHORTDESCRIPTION = SUBSTRING(SHORTDESCRIPTION, 2)"),
        update(
            "LISTPRICE",
            "PRICE = PRICE + 1",
            "CATENTRY_ID % 20 = 3" + existing,
            "PRICE = PRICE - 1"),
        delete("ATTRVAL", "CATENTRY_ID % 20 = 4" + existing),
        delete("CATGPENREL", "CATENTRY_ID % 20 = 5" + existing));
  }

  /**
   * One more new product, made after the others and outside their change set: what a change-set run
   * leaves pending. Nothing the others change needs it.
   */
  static Edit leftOutOfTheChangeSet(Catalog catalog, long newProducts) {
    long shift = catalog.entries() + newProducts;
    return insert(
        "CATENTRY",
        "CATENTRY_ID + "
            + shift
            + ", CONCAT('LATE-', PARTNUMBER), NAME, PRICE, BUYABLE, WEIGHT,"
            + " AVAILABLE_FROM, LASTUPDATE, MARKFORDELETE, FIELD1, FIELD2, URL",
        1,
        "CATENTRY_ID = " + (shift + 1));
  }

  private static Edit insert(String table, String copiedColumns, long count, String added) {
    return new Edit(
        table,
        Edit.Kind.INSERT,
        "INSERT INTO "
            + table
            + " SELECT "
            + copiedColumns
            + " FROM "
            + table
            + " WHERE CATENTRY_ID <= "
            + count,
        added,
        "DELETE FROM " + table + " WHERE " + added);
  }

  private static Edit update(String table, String set, String rows, String undo) {
    return new Edit(
        table,
        Edit.Kind.UPDATE,
        "UPDATE " + table + " SET " + set + " WHERE " + rows,
        rows,
        "UPDATE " + table + " SET " + undo + " WHERE " + rows);
  }

  private static Edit delete(String table, String rows) {
    return new Edit(
        table,
        Edit.Kind.DELETE,
        "DELETE FROM " + table + " WHERE " + rows,
        rows,
        "INSERT INTO " + table + " SELECT * FROM BENCH_SAVED_" + table);
  }
}
