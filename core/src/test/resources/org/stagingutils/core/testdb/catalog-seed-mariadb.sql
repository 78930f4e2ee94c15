-- Seed rows for catalog-mariadb.sql: two stores, a three-level category tree, a product with
-- every column filled, one with most columns null, and rows in every relation table. Same rows as
-- the other dialects, minus CATENTRY.PUBLISHED_AT.

INSERT INTO STORE (STORE_ID, IDENTIFIER, STATUS) VALUES
  (1, 'AuroraStore', 1),
  (2, 'OutletStore', 0);

INSERT INTO CATALOG (CATALOG_ID, STORE_ID, IDENTIFIER, DESCRIPTION) VALUES
  (10, 1, 'Aurora', 'Main catalog'),
  (20, 2, 'Outlet', NULL);

INSERT INTO CATGROUP (CATGROUP_ID, CATALOG_ID, PARENT_ID, IDENTIFIER, DISPLAY_SEQ) VALUES
  (100, 10, NULL, 'Apparel', 1),
  (101, 10, 100, 'Women', 1),
  (102, 10, 101, 'Dresses', 2),
  (200, 20, NULL, 'Clearance', 1);

INSERT INTO CATENTRY (CATENTRY_ID, PARTNUMBER, NAME, PRICE, BUYABLE, WEIGHT, AVAILABLE_FROM,
    LAST_UPDATE, LONG_DESCRIPTION, THUMBNAIL, ATTRIBUTES, GUID, FIELD1) VALUES
  (1001, 'AUR-DRS-001', 'Summer dress', 49.90, TRUE, 0.35, DATE '2024-03-01',
    TIMESTAMP '2024-02-15 09:30:00.123456',
    'Light cotton dress in café au lait, machine washable.', X'89504e470d0a1a0a',
    '{"color": "beige", "sizes": ["S", "M", "L"]}', '6f1c2b8e-3d4a-4f5b-9c6d-7e8f9a0b1c2d',
    'summer'),
  (1002, 'AUR-DRS-002', 'Evening dress', 129.00, TRUE, 0.5, DATE '2024-04-01',
    TIMESTAMP '2024-02-16 14:00:00', NULL, NULL, NULL,
    '0b7e3f52-9a1d-4c6e-8f20-3d5b7c9e1a4f', NULL),
  (2001, 'OUT-JKT-001', 'Rain jacket', NULL, FALSE, NULL, NULL,
    TIMESTAMP '2024-01-10 08:00:00', 'Last season.',
    X'00ff', '{}', 'c3d4e5f6-0718-4293-a4b5-c6d7e8f90a1b', NULL);

INSERT INTO CATGPENREL (CATGROUP_ID, CATENTRY_ID, DISPLAY_SEQ) VALUES
  (101, 1001, 1),
  (102, 1001, 1),
  (102, 1002, 2.5),
  (200, 2001, 1);

INSERT INTO LISTPRICE (CATENTRY_ID, CURRENCY, START_DATE, PRICE) VALUES
  (1001, 'USD', DATE '2024-01-01', 49.90000),
  (1001, 'EUR', DATE '2024-01-01', 45.50000),
  (1001, 'USD', DATE '2024-06-01', 39.90000),
  (1002, 'USD', DATE '2024-01-01', 129.00000),
  (2001, 'USD', DATE '2024-01-01', 19.99000);

INSERT INTO ATTRVAL (CATENTRY_ID, ATTR_NAME, ATTR_VALUE) VALUES
  (1001, 'color', 'beige'),
  (1001, 'size', 'M'),
  (1002, 'color', 'black'),
  (2001, 'waterproof', NULL);

INSERT INTO `PromoRule` (`RuleId`, `Description`, `CatEntryId`, `Priority`) VALUES
  (1, '10% off summer dresses', 1001, 10),
  (2, NULL, 2001, 0);

INSERT INTO ORDERITEMS (ORDERITEMS_ID, CATENTRY_ID, QUANTITY, PRICE, TIMECREATED) VALUES
  (50001, 1001, 1, 49.90, TIMESTAMP '2024-03-02 12:00:00'),
  (50002, 2001, 2.5, 19.99, TIMESTAMP '2024-03-03 18:45:10.5');
