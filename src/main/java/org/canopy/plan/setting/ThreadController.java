package org.canopy.plan.setting;

import org.canopy.partnership.CanopyUser;
import org.canopy.plan.plans.PlanStore;
import org.canopy.web.NotFound;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** A priority's golden thread page: the evidence that chose it, every module's strands, its actions and their status. */
@Controller
class ThreadController {

    private final PlanStore plans;
    private final PrioritySetting setting;
    private final GoldenThread thread;

    ThreadController(PlanStore plans, PrioritySetting setting, GoldenThread thread) {
        this.plans = plans;
        this.setting = setting;
        this.thread = thread;
    }

    @GetMapping("/plans/{id}/priorities/{number}/thread")
    String thread(@AuthenticationPrincipal CanopyUser user, @PathVariable long id, @PathVariable int number, Model model) {
        var plan = plans.plan(user.partnershipId(), id).orElseThrow(() -> new NotFound("The plan"));
        var priority = plan.priorities().stream().filter(p -> p.number() == number).findFirst()
                .orElseThrow(() -> new NotFound("Priority " + number));
        model.addAttribute("plan", plan);
        model.addAttribute("priority", priority);
        model.addAttribute("chosenBy", setting.chosenBy(user.partnershipId(), priority.id()).orElse(null));
        model.addAttribute("strands", thread.strands(user, plan, priority));
        return "plan/thread";
    }
}
