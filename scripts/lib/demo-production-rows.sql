-- SPDX-License-Identifier: Apache-2.0
-- The live store's rows, loaded by scripts/demo into the production database only: staging gets
-- the staged tables' rows from stagingcopy, and never holds orders.

INSERT INTO STORE (STORE_ID, IDENTIFIER, CURRENCY, STATUS) VALUES
  (1, 'AuroraStore', 'USD', 1),
  (2, 'AuroraEurope', 'EUR', 1);

INSERT INTO CATALOG (CATALOG_ID, STORE_ID, IDENTIFIER, DESCRIPTION) VALUES
  (10, 1, 'AuroraMaster', 'Master catalog of the Aurora stores'),
  (20, 2, 'AuroraEU', 'Sales catalog for Europe');

INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER, NAME, DISPLAY_SEQ) VALUES
  (100, 10, NULL, 'Apparel', 'Apparel', 1),
  (110, 10, 100, 'Women', 'Women', 1),
  (111, 10, 110, 'Dresses', 'Dresses', 1),
  (112, 10, 110, 'Coats', 'Coats and jackets', 2),
  (120, 10, 100, 'Men', 'Men', 2),
  (121, 10, 120, 'Shirts', 'Shirts', 1),
  (200, 10, NULL, 'Outdoor', 'Outdoor', 2),
  (210, 10, 200, 'RainGear', 'Rain gear', 1),
  (300, 20, NULL, 'Clearance', 'Clearance', 1);

INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, BUYABLE, LAST_UPDATE) VALUES
  (1001, 'AUR-DRS-001', 'Summer dress', TRUE, TIMESTAMP '2024-02-15 09:30:00'),
  (1002, 'AUR-DRS-002', 'Evening dress', TRUE, TIMESTAMP '2024-02-16 14:00:00'),
  (1003, 'AUR-COT-001', 'Wool coat', TRUE, TIMESTAMP '2024-01-20 11:00:00'),
  (1004, 'AUR-SHT-001', 'Oxford shirt', TRUE, TIMESTAMP '2024-01-22 16:45:00'),
  (1005, 'AUR-SHT-002', 'Linen shirt', TRUE, TIMESTAMP '2024-02-01 10:15:00'),
  (2001, 'AUR-RAI-001', 'Rain jacket', TRUE, TIMESTAMP '2024-01-10 08:00:00'),
  (2002, 'AUR-RAI-002', 'Rain poncho', TRUE, TIMESTAMP '2024-01-11 08:00:00');

INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ) VALUES
  (111, 1001, 1),
  (111, 1002, 2),
  (112, 1003, 1),
  (121, 1004, 1),
  (121, 1005, 2),
  (210, 2001, 1),
  (210, 2002, 2),
  (300, 2002, 1);

INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, PRICE) VALUES
  (1001, 'USD', 49.90), (1001, 'EUR', 45.50),
  (1002, 'USD', 129.00), (1002, 'EUR', 119.00),
  (1003, 'USD', 219.00), (1003, 'EUR', 199.00),
  (1004, 'USD', 39.90), (1004, 'EUR', 36.90),
  (1005, 'USD', 44.90), (1005, 'EUR', 41.90),
  (2001, 'USD', 89.00), (2001, 'EUR', 82.00),
  (2002, 'USD', 19.99), (2002, 'EUR', 17.99);

INSERT INTO ATTRVAL (CATENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES
  (1001, 'colour', 'beige'), (1001, 'material', 'cotton'),
  (1002, 'colour', 'black'), (1002, 'material', 'silk'),
  (1003, 'colour', 'camel'), (1003, 'material', 'wool'),
  (1004, 'colour', 'white'), (1004, 'material', 'cotton'),
  (1005, 'colour', 'sand'), (1005, 'material', 'linen'),
  (2001, 'colour', 'yellow'), (2001, 'waterproof', '10000 mm'),
  (2002, 'colour', 'green'), (2002, 'waterproof', '5000 mm');

INSERT INTO ORDERS (ORDERS_ID, STORE_ID, STATUS, TOTAL, TIMEPLACED) VALUES
  (90001, 1, 'S', 129.70, TIMESTAMP '2024-03-02 12:00:00'),
  (90002, 2, 'S', 82.00, TIMESTAMP '2024-03-03 18:45:10'),
  (90003, 1, 'P', 219.00, TIMESTAMP '2024-03-04 09:12:44');

INSERT INTO ORDERITEMS (ORDERITEMS_ID, ORDERS_ID, CATENTRY_ID, QUANTITY, PRICE) VALUES
  (95001, 90001, 1001, 1, 49.90),
  (95002, 90001, 1004, 2, 39.90),
  (95003, 90002, 2001, 1, 82.00),
  (95004, 90003, 1003, 1, 219.00);
