package dev.orderflow.fulfillment.console;

import dev.orderflow.fulfillment.rules.RuleManagement;
import dev.orderflow.fulfillment.rules.RuleState;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page and the overview. */
@Controller
class OverviewController extends ConsolePage {

    private final RuleManagement rules;
    private final RecentEvents events;
    private final OrderTimings timings;

    OverviewController(RuleManagement rules, RecentEvents events, OrderTimings timings) {
        this.rules = rules;
        this.events = events;
        this.timings = timings;
    }

    @GetMapping(ConsoleSecurityConfiguration.LOGIN)
    String login(HttpServletRequest request, Model model) {
        ConsoleForm form = ConsoleForm.of(request);
        model.addAttribute("error", form.values().containsKey("error"));
        model.addAttribute("loggedOut", form.values().containsKey("logout"));
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    String overview(Model model) {
        var all = rules.findAll();
        model.addAttribute("rules", all.size());
        model.addAttribute(
                "enabledRules",
                all.stream().filter(rule -> rule.state() == RuleState.ENABLED).count());
        var recent = events.newest(new RecentEvents.Filter(null, null, null), 10);
        model.addAttribute("rows", recent.stream().map(EventRows::row).toList());
        model.addAttribute("window", timings.window());
        return "console/overview";
    }
}
