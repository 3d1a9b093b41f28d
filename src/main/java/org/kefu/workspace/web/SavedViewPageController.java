package org.kefu.workspace.web;

import java.time.LocalDate;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.Channel;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.web.Times;
import org.kefu.ticket.Priority;
import org.kefu.ticket.TicketStatus;
import org.kefu.workspace.SavedView;
import org.kefu.workspace.SavingViews;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The workspace forms that save the toolbar filters as a named view, rename and delete it. */
@Controller
class SavedViewPageController {

    private final SavingViews saving;
    private final Times times;

    SavedViewPageController(SavingViews saving, Times times) {
        this.saving = saving;
        this.times = times;
    }

    @PostMapping("/workspace/saved-views")
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) List<TicketStatus> status,
            @RequestParam(required = false) List<Priority> priority, @RequestParam(required = false) Channel channel,
            @RequestParam(required = false) String tag, @RequestParam(required = false) Long tier,
            @RequestParam(required = false) String complaintType, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Long assignee,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate createdTo,
            @RequestParam(required = false) String text, Actor actor, RedirectAttributes redirect) {
        ListState state = new ListState(null, null, null, status, priority, channel, tag, tier, complaintType, team,
                assignee, createdFrom, createdTo, text);
        try {
            SavedView view = saving.create(name, state.filters(times.zone()), actor);
            return "redirect:/tickets?saved=" + view.getId();
        } catch (InvalidRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:" + state.url("/tickets");
        }
    }

    @PostMapping("/workspace/saved-views/{id}/rename")
    String rename(@PathVariable long id, @RequestParam(required = false) String name, Actor actor,
            RedirectAttributes redirect) {
        try {
            saving.change(id, name == null ? "" : name, null, actor);
        } catch (InvalidRequestException | ConflictException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
        }
        return "redirect:/tickets?saved=" + id;
    }

    @PostMapping("/workspace/saved-views/{id}/delete")
    String delete(@PathVariable long id, Actor actor) {
        saving.delete(id, actor);
        return "redirect:/tickets?view=mine";
    }
}
