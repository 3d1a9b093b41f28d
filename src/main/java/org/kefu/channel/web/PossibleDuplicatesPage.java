package org.kefu.channel.web;

import java.util.List;
import org.kefu.channel.CustomerMatching;
import org.kefu.customer.MergingCustomers;
import org.kefu.platform.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Possible duplicates" inside the customer 360 panel ({@code hx-get="/customers/{id}/duplicates"}):
 * customers that may be the same person, each with a button that merges it into this one
 * (the same {@link MergingCustomers} as {@code POST /api/v1/customers/{id}/merge}).
 */
@Controller
class PossibleDuplicatesPage {

    private final CustomerMatching matching;
    private final MergingCustomers merging;

    PossibleDuplicatesPage(CustomerMatching matching, MergingCustomers merging) {
        this.matching = matching;
        this.merging = merging;
    }

    @GetMapping("/customers/{id}/duplicates")
    String duplicates(@PathVariable long id, Model model) {
        List<CustomerMatching.Suggestion> suggestions = matching.possibleDuplicates(id);
        model.addAttribute("customerId", id);
        model.addAttribute("suggestions", suggestions);
        return "channel/duplicates :: duplicates";
    }

    @PostMapping("/customers/{id}/duplicates/merge")
    String merge(@PathVariable long id, @RequestParam long duplicateId, Actor actor) {
        merging.merge(duplicateId, id, actor);
        return "redirect:/customers/" + id;
    }
}
