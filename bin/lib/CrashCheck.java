import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What bin/crash-check asserts after a run whose customers are bench-RUN-*: every order that order-service took is
 * PAID, charged exactly once, notified exactly once, and every balance is its deposits minus its charges.
 * With {@code --back-at EPOCH_MS} (when the killed service was back) it also tells what a user saw: orders delayed
 * (paid more than a second after they were placed) and how long after that moment the last order placed before it
 * was paid. Usage: java -cp "bench/target/lib/*" bin/lib/CrashCheck.java RUN [--back-at EPOCH_MS] [JDBC_URL]
 */
public class CrashCheck {

    public static void main(String[] args) throws SQLException {
        String customers = "bench-" + args[0] + "-%";
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        Long backAt = null;
        int flag = rest.indexOf("--back-at");
        if (flag >= 0) {
            backAt = Long.parseLong(rest.remove(flag + 1));
            rest.remove(flag);
        }
        String url = rest.isEmpty() ? "jdbc:postgresql://localhost:5432/orderflow" : rest.getFirst();
        List<String> failures = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "orderflow", "orderflow")) {
            long orders = count(db, "select count(*) from orders.orders where customer_id like ?", customers);
            long paid = count(
                    db, "select count(*) from orders.orders where customer_id like ? and status = 'PAID'", customers);
            long charges = count(db, "select count(*) from billing.charges where customer_id like ?", customers);
            long paidCharges = count(
                    db, "select count(*) from billing.charges where customer_id like ? and status = 'PAID'", customers);
            long notified = count(
                    db,
                    "select count(*) from notification.notifications where customer_id like ? and type = 'ORDER_PAID'",
                    customers);
            long wrongBalances = count(db, """
                    select count(*) from billing.accounts a
                    where a.customer_id like ?
                      and a.balance <> coalesce((select sum(amount) from billing.deposits d
                                                 where d.customer_id = a.customer_id and d.status = 'ACCEPTED'), 0)
                                     - coalesce((select sum(amount) from billing.charges c
                                                 where c.customer_id = a.customer_id and c.status = 'PAID'), 0)
                    """, customers);
            System.out.printf(
                    "orders %d, paid %d; charges %d (paid %d); ORDER_PAID notifications %d; balances off: %d%n",
                    orders, paid, charges, paidCharges, notified, wrongBalances);
            if (backAt != null) {
                report(db, customers, backAt);
            }
            check(failures, orders > 0, "no orders for bench-" + args[0]);
            check(failures, paid == orders, (orders - paid) + " orders are not PAID");
            check(failures, charges == orders, charges + " charges for " + orders + " orders");
            check(failures, paidCharges == orders, paidCharges + " paid charges for " + orders + " orders");
            check(failures, notified == orders, notified + " ORDER_PAID notifications for " + orders + " orders");
            check(failures, wrongBalances == 0, wrongBalances + " balances are not deposits minus charges");
        }
        if (!failures.isEmpty()) {
            failures.forEach(failure -> System.out.println("FAIL: " + failure));
            System.exit(1);
        }
        System.out.println("exactly once: every order paid, charged and notified once; every balance adds up");
    }

    /** Delayed orders, and the recovery: from the service's return to the charge of the last order placed before. */
    private static void report(Connection db, String customers, long backAt) throws SQLException {
        long delayed = count(db, """
                select count(*) from orders.orders o join billing.charges c on c.order_id = o.order_id
                where o.customer_id like ? and c.created_at > o.created_at + interval '1 second'
                """, customers);
        try (var statement = db.prepareStatement("""
                select extract(epoch from max(c.created_at)) * 1000
                from orders.orders o join billing.charges c on c.order_id = o.order_id
                where o.customer_id like ? and o.created_at < to_timestamp(? / 1000.0)
                """)) {
            statement.setString(1, customers);
            statement.setLong(2, backAt);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                double last = rows.getDouble(1);
                System.out.printf(
                        "delayed (paid > 1 s after placed): %d; recovery: the last order placed before the service was"
                                + " back was paid %.1f s after it was back%n",
                        delayed, Math.max(0, (last - backAt) / 1000));
            }
        }
    }

    private static long count(Connection db, String sql, String customers) throws SQLException {
        try (var statement = db.prepareStatement(sql)) {
            statement.setString(1, customers);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void check(List<String> failures, boolean ok, String failure) {
        if (!ok) {
            failures.add(failure);
        }
    }
}
