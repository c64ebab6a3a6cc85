package dev.orderflow.fulfillment.console;

import dev.orderflow.platform.web.ChecksItsOwnParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * What every console controller shares: a failure it did not expect is a page that says so (the API's problem
 * documents are for programs), a database or broker that cannot be reached a 503 page; and its fields are its own to
 * check ({@link ConsoleForm}).
 */
@ChecksItsOwnParameters
abstract class ConsolePage {

    private static final Logger log = LoggerFactory.getLogger(ConsolePage.class);

    static ModelAndView page(String view, HttpStatus status) {
        ModelAndView page = new ModelAndView(view);
        page.setStatus(status);
        return page;
    }

    @ExceptionHandler
    ModelAndView failed(RuntimeException e) {
        boolean unavailable = e instanceof DataAccessException || e instanceof org.apache.kafka.common.KafkaException;
        log.warn("A console page failed", e);
        ModelAndView page =
                page("console/error", unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR);
        page.addObject(
                "message",
                unavailable
                        ? "The database or the broker cannot be reached now: " + e.getMessage()
                        : "Something went wrong: " + e.getMessage());
        return page;
    }
}
