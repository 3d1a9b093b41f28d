package org.kefu.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.insight.classify.ClassificationTopics;
import org.kefu.insight.classify.TicketClassification;
import org.kefu.insight.classify.TicketClassifications;
import org.kefu.insight.classify.Topic;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.TicketSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The htmx fragment with the suggested complaint type and topic, for the ticket page's side: confirm or correct. */
@Controller
class ClassificationPanelController {

    private final TicketClassifications classifications;
    private final ClassificationTopics topics;
    private final TicketSettings ticketSettings;

    ClassificationPanelController(TicketClassifications classifications, ClassificationTopics topics,
            TicketSettings ticketSettings) {
        this.classifications = classifications;
        this.topics = topics;
        this.ticketSettings = ticketSettings;
    }

    @GetMapping("/tickets/{id}/classification")
    String panel(@PathVariable long id, Actor actor, Locale locale, Model model) {
        return render(classifications.of(id, actor), locale, model, Map.of());
    }

    @PostMapping("/tickets/{id}/classification/confirm")
    String confirm(@PathVariable long id, @RequestParam(required = false) String complaintType,
            @RequestParam(required = false) String topic, Actor actor, Locale locale, Model model, HttpServletResponse response) {
        try {
            return render(classifications.confirm(id, complaintType, topic, actor), locale, model, Map.of());
        } catch (InvalidRequestException e) {
            Map<String, String> errors = new LinkedHashMap<>();
            e.problems().forEach(p -> errors.putIfAbsent(p.field(), p.message()));
            response.setStatus(422);
            return render(classifications.of(id, actor), locale, model, errors);
        }
    }

    private String render(TicketClassification c, Locale locale, Model model, Map<String, String> errors) {
        Map<String, String> typeNames = new LinkedHashMap<>();
        for (ComplaintType t : ticketSettings.complaintTypes()) {
            typeNames.put(t.getCode(), name(t, locale));
        }
        Map<String, String> topicNames = new LinkedHashMap<>();
        for (Topic t : topics.all()) {
            topicNames.put(t.code(), t.name(locale));
        }
        List<ComplaintType> activeTypes = ticketSettings.complaintTypes().stream().filter(ComplaintType::isActive).toList();
        model.addAttribute("c", c);
        model.addAttribute("typeNames", typeNames);
        model.addAttribute("topicNames", topicNames);
        model.addAttribute("typeOptions", activeTypes.stream().map(ComplaintType::getCode).toList());
        model.addAttribute("topicOptions", topics.active().stream().map(Topic::code).toList());
        model.addAttribute("selectedType", c.confirmedType() != null ? c.confirmedType()
                : c.currentType() != null ? c.currentType() : c.suggestedType());
        model.addAttribute("selectedTopic", c.confirmedTopic() != null ? c.confirmedTopic() : c.suggestedTopic());
        model.addAttribute("typePercent", (int) Math.round(c.typeConfidence() * 100));
        model.addAttribute("topicPercent", (int) Math.round(c.topicConfidence() * 100));
        model.addAttribute("errors", errors);
        return "insight/ticket-classification";
    }

    static String name(ComplaintType t, Locale locale) {
        if (locale != null && locale.getLanguage().equals("en")) {
            return t.getNameEn();
        }
        if (locale != null && ("TW".equals(locale.getCountry()) || "HK".equals(locale.getCountry()))) {
            return t.getNameZhTw();
        }
        return t.getNameZhCn();
    }
}
