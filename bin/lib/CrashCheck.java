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
 * Usage: java -cp "bench/target/lib/*" bin/lib/CrashCheck.java RUN [JDBC_URL]
 */
public class CrashCheck {

    public static void main(String[] args) throws SQLException {
        String customers = "bench-" + args[0] + "-%";
        String url = args.length > 1 ? args[1] : "jdbc:postgresql://localhost:5432/orderflow";
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
