-- Fills the catalog set-based, one INSERT ... SELECT per table over the Sequence engine's
-- seq_1_to_N tables, parents first and in key order (InnoDB checks foreign keys row by row).
-- ${entries} products, ${groups} categories, ${promotions} promotions. A category's parent has
-- a smaller id (id DIV 8), which makes a tree ${groups} nodes wide.
INSERT INTO STORE
SELECT seq, CONCAT('store-', seq), 1, CASE WHEN seq % 2 = 0 THEN 'USD' ELSE 'EUR' END, -1
FROM seq_1_to_10;
INSERT INTO CATALOG
SELECT seq, 1 + seq % 10, CONCAT('catalog-', seq), CONCAT('Catalog number ', seq, ' of the benchmark store'),
  CASE WHEN seq = 1 THEN 1 ELSE 0 END
FROM seq_1_to_20;
INSERT INTO CATGROUP
SELECT seq, 1 + seq % 20, CASE WHEN seq <= 20 THEN NULL ELSE seq DIV 8 END, CONCAT('group-', seq),
  CONCAT('Category ', seq, ' ', MD5(seq)), seq % 100, TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (seq % 86400) SECOND
FROM seq_1_to_${groups} ORDER BY seq;
INSERT INTO CATENTRY
SELECT seq, CONCAT('PN-', LPAD(seq, 9, '0')), CONCAT('Product ', seq, ' ', MD5(seq)), ROUND((seq % 9973) / 7.0 + 1, 2),
  CASE WHEN seq % 17 = 0 THEN 0 ELSE 1 END, (seq % 1000) / 10.0, DATE '2024-01-01' + INTERVAL (seq % 700) DAY,
  TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (seq % 86400) SECOND, 0, MD5(CONCAT('f1', seq)),
  CASE WHEN seq % 3 = 0 THEN NULL ELSE CONCAT('field2 value ', seq) END, CONCAT('https://shop.example.com/product/', seq)
FROM seq_1_to_${entries};
INSERT INTO CATENTDESC
SELECT seq, l, CONCAT('Product ', seq, ' in language ', l), CONCAT('Short description of product ', seq, ' ', MD5(seq)),
  REPEAT(MD5(CONCAT(seq, l)), 8), CONCAT('keyword', seq % 5000), 1
FROM seq_1_to_${entries} CROSS JOIN (SELECT -1 AS l UNION ALL SELECT -2) languages;
INSERT INTO CATGPENREL
SELECT g, e, 1 + g % 20, e % 100, TIMESTAMP '2025-01-01 00:00:00'
FROM (SELECT 1 + seq % ${groups} AS g, seq AS e FROM seq_1_to_${entries}
      UNION ALL
      SELECT 1 + (seq % ${groups} + 1 + seq % 13) % ${groups}, seq FROM seq_2_to_${entries}_step_2) placements;
INSERT INTO LISTPRICE
SELECT seq, c, DATE '2025-01-01', ROUND((seq % 9973) / 7.0 + 1, 2) * CASE WHEN c = 'USD' THEN 1.1 ELSE 1 END
FROM seq_1_to_${entries} CROSS JOIN (SELECT 'EUR' AS c UNION ALL SELECT 'USD') currencies;
INSERT INTO ATTRVAL
SELECT seq, a, CONCAT(a, ' value ', seq % 97), n
FROM seq_1_to_${entries}
  CROSS JOIN (SELECT 'color' AS a, 1 AS n UNION ALL SELECT 'size', 2 UNION ALL SELECT 'material', 3) attributes;
INSERT INTO CATENTREL
SELECT seq, seq + 1, 'PRODUCT_ITEM', 1, seq % 10
FROM seq_1_to_${entriesLessOne}_step_2;
INSERT INTO PROMOTION
SELECT seq, 1 + seq % 10, CONCAT('PROMO-', seq), CONCAT('Promotion ', seq, ' ', MD5(seq)),
  TIMESTAMP '2025-01-01 00:00:00' + INTERVAL (seq % 365) DAY, NULL, seq % 10, 1
FROM seq_1_to_${promotions};
ANALYZE TABLE STORE, CATALOG, CATGROUP, CATENTRY, CATENTDESC, CATGPENREL, LISTPRICE, ATTRVAL, CATENTREL, PROMOTION;
