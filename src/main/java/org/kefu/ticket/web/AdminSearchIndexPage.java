package org.kefu.ticket.web;

import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * Admin: rebuild the search index. The progress fragment polls itself every second (htmx) while
 * a rebuild runs and stops once it is done; without JavaScript the button still posts and the
 * page shows the state on reload.
 */
@Controller
class AdminSearchIndexPage {

    private final SearchIndexRebuilds rebuilds;

    AdminSearchIndexPage(SearchIndexRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    @GetMapping("/admin/search-index")
    String page(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("progress", rebuilds.progress());
        return "admin/search-index";
    }

    @GetMapping("/admin/search-index/progress")
    String progress(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("progress", rebuilds.progress());
        return "admin/search-index :: progress";
    }

    @PostMapping("/admin/search-index/rebuild")
    String rebuild(Actor actor, Model model, @RequestHeader(value = "HX-Request", required = false) String htmx) {
        actor.requireRole(Role.ADMIN);
        try {
            rebuilds.start(actor);
        } catch (ConflictException alreadyRunning) {
            // the running one is shown
        }
        if (htmx == null) {
            return "redirect:/admin/search-index";
        }
        model.addAttribute("progress", rebuilds.progress());
        return "admin/search-index :: progress";
    }
}
