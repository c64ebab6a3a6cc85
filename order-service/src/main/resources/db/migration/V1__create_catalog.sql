create table products (
    product_code varchar(64)    primary key,
    name         varchar(255)   not null,
    unit_price   numeric(19, 2) not null check (unit_price >= 0),
    currency     char(3)        not null
);

insert into products (product_code, name, unit_price, currency) values
    ('pencil',     'Pencil HB',              1.25, 'USD'),
    ('eraser',     'Eraser',                 0.75, 'USD'),
    ('notebook',   'Notebook A5, 96 pages',  4.50, 'USD'),
    ('pen',        'Ballpoint pen, blue',    2.00, 'USD'),
    ('stapler',    'Stapler',               12.90, 'USD'),
    ('backpack',   'School backpack',       39.90, 'USD'),
    ('calculator', 'Scientific calculator', 24.99, 'USD');
