// SPDX-License-Identifier: Apache-2.0
package org.stagingutils.bench;

import java.util.List;
import java.util.Map;

/** The staged tables of the generated catalog, parents first, and how many rows a scale gives. */
record Catalog(long entries, long groups, long promotions) {

  /** Parents before children: the order a load must follow when foreign keys are checked. */
  static final List<String> TABLES =
      List.of(
          "STORE",
          "CATALOG",
          "CATGROUP",
          "CATENTRY",
          "CATENTDESC",
          "CATGPENREL",
          "LISTPRICE",
          "ATTRVAL",
          "CATENTREL",
          "PROMOTION");

  /** Capture keys (the primary keys) of the tables the workloads edit. */
  static final Map<String, List<String>> KEYS =
      Map.of(
          "CATENTRY", List.of("CATENTRY_ID"),
          "CATENTDESC", List.of("CATENTRY_ID", "LANGUAGE_ID"),
          "CATGPENREL", List.of("CATGROUP_ID", "CATENTRY_ID", "CATALOG_ID"),
          "LISTPRICE", List.of("CATENTRY_ID", "CURRENCY", "STARTDATE"),
          "ATTRVAL", List.of("CATENTRY_ID", "ATTR_NAME"));

  /** Scale 1 is 200,000 products, about 2 million rows over the ten tables. */
  static Catalog atScale(double scale) {
    return new Catalog(
        Math.max(2_000, Math.round(200_000 * scale)),
        Math.max(100, Math.round(5_000 * scale)),
        Math.max(100, Math.round(5_000 * scale)));
  }

  /** Rows per product: 1 + 2 descriptions + 1.5 placements + 2 prices + 3 attributes + 0.5. */
  long approximateRows() {
    return entries * 10 + groups + promotions + 30;
  }

  Map<String, Object> placeholders() {
    return Map.of(
        "entries", entries,
        "entriesLessOne", entries - 1,
        "groups", groups,
        "promotions", promotions);
  }
}
