package dev.orderflow.fulfillment.console;

import dev.orderflow.fulfillment.console.OrderTimings.Point;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** Orders per second, p99 from order to payment and to dispatch, consumer lag and outbox backlog, as small charts. */
@Controller
class NumbersController extends ConsolePage {

    private final OrderTimings timings;

    NumbersController(OrderTimings timings) {
        this.timings = timings;
    }

    @GetMapping("/console/numbers")
    ModelAndView numbers() {
        OrderTimings.Window window = timings.window();
        List<Point> points = window.points();
        return page("console/numbers", HttpStatus.OK)
                .addObject("window", window)
                .addObject("bucketSeconds", OrderTimings.BUCKET_SECONDS)
                .addObject("ordersChart", Charts.line(series(points, Point::ordersPerSecond), "orders/s"))
                .addObject("paidChart", Charts.line(series(points, p -> millis(p.paidP99())), "ms"))
                .addObject("dispatchedChart", Charts.line(series(points, p -> millis(p.dispatchedP99())), "ms"))
                .addObject("lagChart", Charts.line(series(points, Point::lag), "records"))
                .addObject("backlogChart", Charts.line(series(points, Point::backlog), "rows"))
                .addObject("lag", timings.lag())
                .addObject("backlog", timings.backlog())
                .addObject(
                        "ordersNow",
                        points.isEmpty()
                                ? 0
                                : points.get(Math.max(0, points.size() - 2)).ordersPerSecond());
    }

    private static List<@Nullable Double> series(List<Point> points, Function<Point, @Nullable Double> value) {
        return points.stream().map(value).toList();
    }

    private static @Nullable Double millis(@Nullable Long value) {
        return value == null ? null : value.doubleValue();
    }
}
