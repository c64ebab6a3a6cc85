package dev.orderflow.fulfillment.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.web.util.HtmlUtils;

/**
 * One event as a row of the events table, written once for the page and for its live stream, which inserts rows as
 * they come.
 */
final class EventRows {

    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

    private EventRows() {}

    static String row(RecentEvents.Seen seen) {
        String order = seen.orderId() == null
                ? ""
                : "<a class=\"order\" href=\"/console/orders/" + url(seen.orderId()) + "\">" + html(seen.orderId())
                        + "</a>";
        return "<tr class=\"event\" data-event-id=\"" + html(seen.event().id()) + "\" data-type=\""
                + html(seen.detailType()) + "\">"
                + "<td>" + TIME.format(seen.recordTime()) + "</td>"
                + "<td>" + html(seen.topic()) + "</td>"
                + "<td class=\"type\">" + html(seen.detailType()) + "</td>"
                + "<td>" + html(seen.customerId() == null ? "" : seen.customerId()) + "</td>"
                + "<td>" + order + "</td>"
                + "<td><a href=\"/console/rules/test?eventId="
                + url(seen.event().id()) + "\">test a pattern</a></td>"
                + "</tr>";
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private static String url(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
