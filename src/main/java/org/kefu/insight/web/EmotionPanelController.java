package org.kefu.insight.web;

import java.util.List;
import org.kefu.insight.MessageEmotions;
import org.kefu.platform.Actor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The htmx fragment with the customer's current emotion and its trend, for the ticket page's side. */
@Controller
class EmotionPanelController {

    private final MessageEmotions emotions;

    EmotionPanelController(MessageEmotions emotions) {
        this.emotions = emotions;
    }

    @GetMapping("/tickets/{id}/emotion")
    String panel(@PathVariable long id, Actor actor, Model model) {
        List<EmotionView> readings = EmotionView.of(emotions.of(id, actor));
        model.addAttribute("current", readings.isEmpty() ? null : readings.getFirst());
        model.addAttribute("trend", readings.reversed());
        model.addAttribute("ticketId", id);
        return "insight/ticket-emotion";
    }
}
