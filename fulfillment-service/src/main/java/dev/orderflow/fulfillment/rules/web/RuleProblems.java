package dev.orderflow.fulfillment.rules.web;

import dev.orderflow.fulfillment.rules.InvalidRuleException;
import dev.orderflow.fulfillment.rules.RuleNotFoundException;
import dev.orderflow.platform.web.FieldProblem;
import dev.orderflow.platform.web.Problems;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The rules' refusals as problems: every broken part of a rule or pattern (400), an unknown rule (404), a race (409). */
@RestControllerAdvice(assignableTypes = RuleController.class)
class RuleProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidRuleException e) {
        return Problems.invalid(e.problems().stream()
                .map(problem -> new FieldProblem(problem.field(), problem.message()))
                .toList());
    }

    /** Two requests changed the same rule at once; the one that lost changed nothing. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DataIntegrityViolationException.class})
    ProblemDetail conflict() {
        return Problems.conflict(
                "Concurrent change", "The rule was changed by another request at the same time; try again.");
    }

    @ExceptionHandler
    ProblemDetail notFound(RuleNotFoundException e) {
        return Problems.notFound("Rule not found", e.getMessage());
    }
}
