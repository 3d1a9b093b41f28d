package org.kefu.insight.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.kefu.insight.classify.ClassificationRule;
import org.kefu.insight.classify.ClassificationRules;
import org.kefu.insight.classify.ClassificationTopics;
import org.kefu.insight.classify.ModelTraining;
import org.kefu.insight.classify.RuleDraft;
import org.kefu.insight.classify.Topic;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.ticket.ComplaintType;
import org.kefu.ticket.TicketSettings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin: topics, keyword rules and the classifier model (问题分类) on one page. */
@Controller
class AdminClassificationPage {

    private final ClassificationTopics topics;
    private final ClassificationRules rules;
    private final ModelTraining training;
    private final TicketSettings ticketSettings;

    AdminClassificationPage(ClassificationTopics topics, ClassificationRules rules, ModelTraining training,
            TicketSettings ticketSettings) {
        this.topics = topics;
        this.rules = rules;
        this.training = training;
        this.ticketSettings = ticketSettings;
    }

    @ModelAttribute("navSection")
    String navSection() {
        return "admin";
    }

    record RuleForm(String name, String keywords, String complaintType, String topic, String weight, boolean negatable) {
        static final RuleForm EMPTY = new RuleForm("", "", "", "", "1", true);
    }

    record TopicForm(String code, String nameZhCn, String nameZhTw, String nameEn, Integer position) {
        static final TopicForm EMPTY = new TopicForm("", "", "", "", null);
    }

    @GetMapping("/admin/classification")
    String page(Actor actor, Locale locale, Model model) {
        actor.requireRole(Role.ADMIN);
        return page(model, locale, TopicForm.EMPTY, FormProblems.none(), RuleForm.EMPTY, FormProblems.none());
    }

    @PostMapping("/admin/classification/retrain")
    String retrain(Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        long version = training.retrain(ModelTraining.ADMIN).version();
        return saved(flash, "insight.classify.admin.retrained", Long.toString(version));
    }

    @PostMapping("/admin/classification/topics")
    String createTopic(@RequestParam(defaultValue = "") String code, @RequestParam(defaultValue = "") String nameZhCn,
            @RequestParam(defaultValue = "") String nameZhTw, @RequestParam(defaultValue = "") String nameEn,
            @RequestParam(required = false) Integer position, Actor actor, Locale locale, Model model,
            RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        TopicForm form = new TopicForm(code, nameZhCn, nameZhTw, nameEn, position);
        FormProblems problems = FormProblems.none();
        try {
            Topic topic = topics.create(code, nameZhCn, nameZhTw, nameEn, position);
            return saved(flash, "insight.classify.admin.saved", topic.code());
        } catch (InvalidRequestException e) {
            problems.add(e);
        } catch (ConflictException e) {
            problems.field("code", e.getMessage());
        }
        response.setStatus(422);
        return page(model, locale, form, problems, RuleForm.EMPTY, FormProblems.none());
    }

    @PostMapping("/admin/classification/topics/{id}")
    String changeTopic(@PathVariable long id, @RequestParam(required = false) String nameZhCn,
            @RequestParam(required = false) String nameZhTw, @RequestParam(required = false) String nameEn,
            @RequestParam(required = false) Integer position, @RequestParam(required = false) Boolean active,
            Actor actor, Locale locale, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        try {
            Topic topic = topics.change(id, nameZhCn, nameZhTw, nameEn, position, active);
            return saved(flash, "insight.classify.admin.saved", topic.code());
        } catch (InvalidRequestException e) {
            response.setStatus(422);
            return page(model, locale, TopicForm.EMPTY, FormProblems.none().add(e).asGeneral(), RuleForm.EMPTY, FormProblems.none());
        }
    }

    @PostMapping("/admin/classification/rules")
    String createRule(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String keywords,
            @RequestParam(defaultValue = "") String complaintType, @RequestParam(defaultValue = "") String topic,
            @RequestParam(defaultValue = "1") String weight, @RequestParam(defaultValue = "false") boolean negatable,
            Actor actor, Locale locale, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        RuleForm form = new RuleForm(name, keywords, complaintType, topic, weight, negatable);
        FormProblems problems = FormProblems.none();
        try {
            ClassificationRule rule = rules.create(draft(form, null));
            return saved(flash, "insight.classify.admin.saved", rule.name());
        } catch (InvalidRequestException e) {
            problems.add(e);
        }
        response.setStatus(422);
        return page(model, locale, TopicForm.EMPTY, FormProblems.none(), form, problems);
    }

    @PostMapping("/admin/classification/rules/{id}")
    String changeRule(@PathVariable long id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String keywords, @RequestParam(defaultValue = "") String complaintType,
            @RequestParam(defaultValue = "") String topic, @RequestParam(defaultValue = "1") String weight,
            @RequestParam(defaultValue = "false") boolean negatable, @RequestParam(defaultValue = "false") boolean active,
            Actor actor, Locale locale, Model model, RedirectAttributes flash, HttpServletResponse response) {
        actor.requireRole(Role.ADMIN);
        try {
            ClassificationRule rule = rules.update(id, draft(new RuleForm(name, keywords, complaintType, topic, weight, negatable), active));
            return saved(flash, "insight.classify.admin.saved", rule.name());
        } catch (InvalidRequestException e) {
            response.setStatus(422);
            return page(model, locale, TopicForm.EMPTY, FormProblems.none(), RuleForm.EMPTY, FormProblems.none().add(e).asGeneral());
        }
    }

    @PostMapping("/admin/classification/rules/{id}/delete")
    String deleteRule(@PathVariable long id, Actor actor, RedirectAttributes flash) {
        actor.requireRole(Role.ADMIN);
        rules.delete(id);
        return saved(flash, "insight.classify.admin.deleted", "");
    }

    private static RuleDraft draft(RuleForm form, Boolean active) {
        Double weight;
        try {
            weight = Double.parseDouble(form.weight().strip());
        } catch (NumberFormatException e) {
            throw InvalidRequestException.of("weight", "must be a number, e.g. 1.5");
        }
        return new RuleDraft(form.name(), Arrays.asList(form.keywords().split("\\R")), form.complaintType(), form.topic(),
                weight, form.negatable(), active);
    }

    private static String saved(RedirectAttributes flash, String key, String arg) {
        flash.addFlashAttribute("saved", key);
        flash.addFlashAttribute("savedArg", arg);
        return "redirect:/admin/classification";
    }

    private String page(Model model, Locale locale, TopicForm topicForm, FormProblems topicErrors, RuleForm ruleForm,
            FormProblems ruleErrors) {
        Map<String, String> typeNames = new LinkedHashMap<>();
        for (ComplaintType t : ticketSettings.complaintTypes()) {
            typeNames.put(t.getCode(), ClassificationPanelController.name(t, locale));
        }
        Map<String, String> topicNames = new LinkedHashMap<>();
        for (Topic t : topics.all()) {
            topicNames.put(t.code(), t.name(locale));
        }
        model.addAttribute("model", training.current());
        model.addAttribute("topics", topics.all());
        model.addAttribute("rules", rules.all());
        model.addAttribute("typeNames", typeNames);
        model.addAttribute("topicNames", topicNames);
        model.addAttribute("topicForm", topicForm);
        model.addAttribute("topicErrors", topicErrors);
        model.addAttribute("ruleForm", ruleForm);
        model.addAttribute("ruleErrors", ruleErrors);
        FormProblems all = FormProblems.none();
        topicErrors.general().forEach(all::general);
        ruleErrors.general().forEach(all::general);
        model.addAttribute("errors", all);
        return "admin/classification";
    }
}
