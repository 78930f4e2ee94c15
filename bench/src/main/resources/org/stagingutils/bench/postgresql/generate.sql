-- Fills the catalog set-based, one INSERT ... SELECT per table, parents first so that every
-- foreign key holds. ${entries} products, ${groups} categories, ${promotions} promotions.
-- A category's parent has a smaller id (id / 8), which makes a tree ${groups} nodes wide.
INSERT INTO STORE
SELECT s, 'store-' || s, 1, CASE WHEN s % 2 = 0 THEN 'USD' ELSE 'EUR' END, -1
FROM generate_series(1, 10) s;
INSERT INTO CATALOG
SELECT c, 1 + c % 10, 'catalog-' || c, 'Catalog number ' || c || ' of the benchmark store', CASE WHEN c = 1 THEN 1 ELSE 0 END
FROM generate_series(1, 20) c;
INSERT INTO CATGROUP
SELECT g, 1 + g % 20, CASE WHEN g <= 20 THEN NULL ELSE g / 8 END, 'group-' || g, 'Category ' || g || ' ' || md5(g::text), g % 100,
  TIMESTAMP '2025-01-01 00:00:00' + (g % 86400) * INTERVAL '1 second'
FROM generate_series(1, ${groups}) g;
INSERT INTO CATENTRY
SELECT e, 'PN-' || lpad(e::text, 9, '0'), 'Product ' || e || ' ' || md5(e::text), round((e % 9973) / 7.0 + 1, 2),
  CASE WHEN e % 17 = 0 THEN 0 ELSE 1 END, (e % 1000) / 10.0, DATE '2024-01-01' + (e % 700),
  TIMESTAMP '2025-01-01 00:00:00' + (e % 86400) * INTERVAL '1 second', 0, md5('f1' || e),
  CASE WHEN e % 3 = 0 THEN NULL ELSE 'field2 value ' || e END, 'https://shop.example.com/product/' || e
FROM generate_series(1, ${entries}) e;
INSERT INTO CATENTDESC
SELECT e, l, 'Product ' || e || ' in language ' || l, 'Short description of product ' || e || ' ' || md5(e::text),
  repeat(md5(e::text || l::text), 8), 'keyword' || (e % 5000), 1
FROM generate_series(1, ${entries}) e CROSS JOIN (SELECT -1 AS l UNION ALL SELECT -2) languages;
INSERT INTO CATGPENREL
SELECT g, e, 1 + g % 20, e % 100, TIMESTAMP '2025-01-01 00:00:00'
FROM (SELECT 1 + e % ${groups} AS g, e FROM generate_series(1, ${entries}) e
      UNION ALL
      SELECT 1 + (e % ${groups} + 1 + e % 13) % ${groups}, e FROM generate_series(2, ${entries}, 2) e) placements;
INSERT INTO LISTPRICE
SELECT e, c, DATE '2025-01-01', round((e % 9973) / 7.0 + 1, 2) * CASE WHEN c = 'USD' THEN 1.1 ELSE 1 END
FROM generate_series(1, ${entries}) e CROSS JOIN (SELECT 'EUR' AS c UNION ALL SELECT 'USD') currencies;
INSERT INTO ATTRVAL
SELECT e, a, a || ' value ' || (e % 97), n
FROM generate_series(1, ${entries}) e
  CROSS JOIN (SELECT 'color' AS a, 1 AS n UNION ALL SELECT 'size', 2 UNION ALL SELECT 'material', 3) attributes;
INSERT INTO CATENTREL
SELECT e, e + 1, 'PRODUCT_ITEM', 1, e % 10
FROM generate_series(1, ${entriesLessOne}, 2) e;
INSERT INTO PROMOTION
SELECT p, 1 + p % 10, 'PROMO-' || p, 'Promotion ' || p || ' ' || md5(p::text),
  TIMESTAMP '2025-01-01 00:00:00' + (p % 365) * INTERVAL '1 day', NULL, p % 10, 1
FROM generate_series(1, ${promotions}) p;
ANALYZE;
