package dev.orderflow.billing.accounts.web;

import dev.orderflow.billing.accounts.AccountNotFoundException;
import dev.orderflow.events.PaymentFailed;
import dev.orderflow.platform.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An unknown account is a 404 problem, whichever endpoint asked for it (an account, or a deposit to it). */
@RestControllerAdvice
class AccountProblems {

    @ExceptionHandler
    ProblemDetail notFound(AccountNotFoundException e) {
        ProblemDetail problem = Problems.notFound("Account not found", e.getMessage());
        problem.setProperty("reason", PaymentFailed.ACCOUNT_NOT_FOUND);
        return problem;
    }
}
