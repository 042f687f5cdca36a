-- The DuckDB peer baseline: the same files, the same rules (SPEC §2-§5) and the eleven questions, in SQL.
-- {DIR} is replaced by the data folder; departments are inserted by the runner (the course's wide form).
-- Each "-- step:" starts one statement; the runner times and fully reads each.

-- step: load orders
CREATE TABLE orders AS SELECT * FROM read_csv('{DIR}/orders.csv', header = true, auto_detect = false, strict_mode = true,
  columns = {'order_id': 'INTEGER', 'user_id': 'INTEGER', 'eval_set': 'VARCHAR', 'order_number': 'INTEGER',
             'order_dow': 'INTEGER', 'order_hour_of_day': 'INTEGER', 'days_since_prior_order': 'DOUBLE'});
-- step: load order lines
CREATE TABLE prior AS SELECT * FROM read_csv('{DIR}/order_products__prior.csv', header = true, auto_detect = false, strict_mode = true,
  columns = {'order_id': 'INTEGER', 'product_id': 'INTEGER', 'add_to_cart_order': 'INTEGER', 'reordered': 'TINYINT'});
-- step: load products
CREATE TABLE products_raw AS SELECT row_number() OVER () AS rn, * FROM read_csv('{DIR}/products.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {'product_id': 'INTEGER', 'product_name': 'VARCHAR', 'aisle_id': 'INTEGER', 'department_id': 'INTEGER', 'prices': 'DOUBLE'});
-- step: load customers
CREATE TABLE customers AS SELECT user_id, gender, state, age, n_dependants, fam_status, income FROM read_csv('{DIR}/customers.csv', header = true, auto_detect = false, quote = '"', escape = '"',
  columns = {'user_id': 'INTEGER', 'first_name': 'VARCHAR', 'surnam': 'VARCHAR', 'gender': 'VARCHAR', 'state': 'VARCHAR', 'age': 'INTEGER',
             'date_joined': 'VARCHAR', 'n_dependants': 'INTEGER', 'fam_status': 'VARCHAR', 'income': 'INTEGER'});
-- step: clean products
CREATE TABLE products AS
WITH named AS (SELECT * FROM products_raw WHERE product_name IS NOT NULL AND trim(product_name) <> ''),
     distinct_rows AS (SELECT *, row_number() OVER (PARTITION BY product_id, product_name, aisle_id, department_id, prices ORDER BY rn) AS k FROM named),
     first_ids AS (SELECT *, row_number() OVER (PARTITION BY product_id ORDER BY rn) AS j FROM distinct_rows WHERE k = 1)
SELECT product_id, department_id, CASE WHEN prices > 100 THEN NULL ELSE prices END AS price FROM first_ids WHERE j = 1;
-- step: merge
CREATE TABLE lines AS
SELECT l.order_id, o.user_id, o.order_dow AS dow, o.order_hour_of_day AS hour, o.days_since_prior_order AS days,
       p.product_id, p.department_id, p.price, l.reordered
FROM prior l
JOIN orders o ON o.order_id = l.order_id AND o.eval_set = 'prior'
JOIN products p ON p.product_id = l.product_id
JOIN customers c ON c.user_id = o.user_id;
-- step: derive customers
CREATE TABLE cust AS
SELECT c.user_id,
  CASE WHEN c.age <= 35 THEN 'Young adult' WHEN c.age >= 65 THEN 'Senior' ELSE 'Middle-aged' END AS age_group,
  CASE WHEN c.n_dependants > 0 THEN 'Parent' ELSE 'No dependants' END AS household,
  CASE WHEN c.age <= 35 THEN 'Young' WHEN c.age >= 65 THEN 'Senior' ELSE 'Middle-aged' END
    || CASE WHEN c.n_dependants > 0 THEN ' parent' ELSE ', no dependants' END AS profile,
  CASE WHEN c.income < 50000 THEN 'Low income' WHEN c.income > 120000 THEN 'High income' ELSE 'Middle income' END AS income_group,
  CASE
    WHEN trim(c.state) IN ('Connecticut', 'Maine', 'Massachusetts', 'New Hampshire', 'Rhode Island', 'Vermont', 'New Jersey', 'New York', 'Pennsylvania') THEN 'Northeast'
    WHEN trim(c.state) IN ('Illinois', 'Indiana', 'Michigan', 'Ohio', 'Wisconsin', 'Iowa', 'Kansas', 'Minnesota', 'Missouri', 'Nebraska', 'North Dakota', 'South Dakota') THEN 'Midwest'
    WHEN trim(c.state) IN ('Delaware', 'District of Columbia', 'Florida', 'Georgia', 'Maryland', 'North Carolina', 'South Carolina', 'Virginia', 'West Virginia',
                           'Alabama', 'Kentucky', 'Mississippi', 'Tennessee', 'Arkansas', 'Louisiana', 'Oklahoma', 'Texas') THEN 'South'
    WHEN trim(c.state) IN ('Arizona', 'Colorado', 'Idaho', 'Montana', 'Nevada', 'New Mexico', 'Utah', 'Wyoming', 'Alaska', 'California', 'Hawaii', 'Oregon', 'Washington') THEN 'West'
    ELSE 'Unknown' END AS region,
  CASE WHEN m.max_order > 40 THEN 'Loyal customer' WHEN m.max_order > 10 THEN 'Regular customer' ELSE 'New customer' END AS loyalty,
  coalesce(m.max_order, 0) >= 5 AS active,
  coalesce(s.mean_price >= 10, false) AS high_spender
FROM customers c
LEFT JOIN (SELECT user_id, max(order_number) AS max_order FROM orders WHERE eval_set = 'prior' GROUP BY user_id) m USING (user_id)
LEFT JOIN (SELECT user_id, avg(price) AS mean_price FROM lines GROUP BY user_id) s USING (user_id);
-- step: active lines
CREATE VIEW active AS
SELECT l.*, c.loyalty, c.region, c.age_group, c.household, c.profile, c.income_group, c.high_spender
FROM lines l JOIN cust c USING (user_id) WHERE c.active;
-- step: reconciliation
SELECT (SELECT count(*) FROM orders) AS orders_rows, (SELECT count(*) FROM prior) AS order_lines_rows,
       (SELECT count(*) FROM lines) AS lines_merged, (SELECT count(*) FROM active) AS lines_active,
       (SELECT count(DISTINCT user_id) FROM active) AS customers_active;
-- step: busiest_days
WITH d AS (SELECT dow, count(DISTINCT order_id) AS orders, count(*) AS lines FROM lines GROUP BY dow),
     j AS (SELECT k.range::INTEGER AS dow, coalesce(d.orders, 0) AS orders, coalesce(d.lines, 0) AS lines FROM range(7) k LEFT JOIN d ON d.dow = k.range),
     r AS (SELECT *, row_number() OVER (ORDER BY lines DESC, dow) AS rk FROM j)
SELECT dow, orders, lines, CASE WHEN rk <= 2 THEN 'Busiest days' WHEN rk > 5 THEN 'Slowest days' ELSE 'Regularly busy' END AS flag FROM r ORDER BY dow;
-- step: busiest_hours
WITH d AS (SELECT hour, count(DISTINCT order_id) AS orders, count(*) AS lines FROM lines GROUP BY hour),
     j AS (SELECT k.range::INTEGER AS hour, coalesce(d.orders, 0) AS orders, coalesce(d.lines, 0) AS lines FROM range(24) k LEFT JOIN d ON d.hour = k.range),
     r AS (SELECT *, row_number() OVER (ORDER BY lines DESC, hour) AS rk FROM j)
SELECT hour, orders, lines, CASE WHEN rk <= 8 THEN 'Most orders' WHEN rk > 16 THEN 'Fewest orders' ELSE 'Average orders' END AS flag FROM r ORDER BY hour;
-- step: spend_by_hour
WITH d AS (SELECT hour, coalesce(sum(price), 0) AS revenue, avg(price) AS mean_item_price, sum(price) / count(DISTINCT order_id) AS mean_order_value FROM lines GROUP BY hour)
SELECT k.range::INTEGER AS hour, coalesce(d.revenue, 0) AS revenue, d.mean_item_price, d.mean_order_value FROM range(24) k LEFT JOIN d ON d.hour = k.range ORDER BY hour;
-- step: price_ranges
SELECT CASE WHEN price IS NULL THEN 'Unknown' WHEN price <= 5 THEN 'Low' WHEN price <= 15 THEN 'Mid' ELSE 'High' END AS price_range,
       count(DISTINCT product_id) AS products, count(*) AS lines, coalesce(sum(price), 0) AS revenue
FROM lines GROUP BY price_range ORDER BY price_range;
-- step: departments
SELECT l.department_id, d.department, count(*) AS lines, count(DISTINCT l.order_id) AS orders, coalesce(sum(l.price), 0) AS revenue,
       coalesce(sum(l.price), 0) / count(DISTINCT l.order_id) AS revenue_per_order, avg(l.reordered) AS reorder_rate
FROM lines l JOIN departments d USING (department_id) GROUP BY l.department_id, d.department ORDER BY l.department_id;
-- step: time_segments
SELECT CASE WHEN hour BETWEEN 4 AND 9 THEN 'Early birds' WHEN hour BETWEEN 10 AND 15 THEN 'Midday' WHEN hour BETWEEN 16 AND 21 THEN 'Evening' ELSE 'Night owls' END AS time_segment,
       count(DISTINCT order_id) AS orders, count(*) AS lines, coalesce(sum(price), 0) AS revenue, coalesce(sum(price), 0) / count(DISTINCT order_id) AS mean_order_value
FROM lines GROUP BY time_segment ORDER BY time_segment;
-- step: loyalty
WITH g AS (SELECT loyalty, count(DISTINCT user_id) AS customers, count(DISTINCT order_id) AS orders, count(*) AS lines, avg(price) AS mean_item_price,
                  coalesce(sum(price), 0) / count(DISTINCT order_id) AS mean_order_value FROM active GROUP BY loyalty),
     m AS (SELECT loyalty, median(days) AS median_days_between_orders FROM (SELECT DISTINCT loyalty, order_id, days FROM active) GROUP BY loyalty)
SELECT * FROM g JOIN m USING (loyalty) ORDER BY loyalty;
-- step: regions
SELECT region, count(DISTINCT user_id) AS customers, count(DISTINCT order_id) AS orders, count(*) AS lines, coalesce(sum(price), 0) AS revenue, avg(price) AS mean_item_price,
       count(DISTINCT CASE WHEN high_spender THEN user_id END) / count(DISTINCT user_id) AS high_spender_share
FROM active GROUP BY region ORDER BY region;
-- step: age_family
SELECT age_group, household, count(DISTINCT user_id) AS customers, count(DISTINCT order_id) / count(DISTINCT user_id) AS orders_per_customer,
       avg(price) AS mean_item_price, coalesce(sum(price), 0) / count(DISTINCT order_id) AS mean_order_value
FROM active GROUP BY age_group, household ORDER BY age_group, household;
-- step: income
WITH g AS (SELECT income_group, count(DISTINCT user_id) AS customers, count(DISTINCT order_id) / count(DISTINCT user_id) AS orders_per_customer,
                  avg(price) AS mean_item_price, coalesce(sum(price), 0) / count(DISTINCT order_id) AS mean_order_value FROM active GROUP BY income_group),
     t AS (SELECT income_group, department_id, row_number() OVER (PARTITION BY income_group ORDER BY count(*) DESC, department_id) AS rk FROM active GROUP BY income_group, department_id)
SELECT g.*, d.department AS top_department FROM g JOIN t ON t.income_group = g.income_group AND t.rk = 1 JOIN departments d ON d.department_id = t.department_id ORDER BY g.income_group;
-- step: profiles
WITH g AS (SELECT profile, count(DISTINCT user_id) AS customers, count(DISTINCT order_id) / count(DISTINCT user_id) AS orders_per_customer,
                  avg(price) AS mean_item_price, coalesce(sum(price), 0) / count(DISTINCT order_id) AS mean_order_value FROM active GROUP BY profile),
     m AS (SELECT profile, median(days) AS median_days_between_orders FROM (SELECT DISTINCT profile, order_id, days FROM active) GROUP BY profile),
     t AS (SELECT profile, department_id, row_number() OVER (PARTITION BY profile ORDER BY count(*) DESC, department_id) AS rk FROM active GROUP BY profile, department_id)
SELECT g.*, m.median_days_between_orders, d.department AS top_department FROM g JOIN m USING (profile) JOIN t ON t.profile = g.profile AND t.rk = 1
JOIN departments d ON d.department_id = t.department_id ORDER BY g.profile;
