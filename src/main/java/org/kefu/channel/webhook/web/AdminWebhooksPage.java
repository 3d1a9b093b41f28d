package org.kefu.channel.webhook.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.kefu.agent.AgentDirectory;
import org.kefu.channel.webhook.ManagingWebhookChannels;
import org.kefu.channel.webhook.WebhookChannel;
import org.kefu.channel.webhook.WebhookChannelInput;
import org.kefu.channel.webhook.WebhookSource;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Admin pages for webhook channels: list, create (secret shown once), edit, new secret. */
@Controller
class AdminWebhooksPage {

    private final ManagingWebhookChannels managing;
    private final AgentDirectory agents;

    AdminWebhooksPage(ManagingWebhookChannels managing, AgentDirectory agents) {
        this.managing = managing;
        this.agents = agents;
    }

    /** The form as typed. */
    record Form(String name, String callbackUrl, String source, Long departmentId, Long teamId, Boolean active) {

        static Form of(WebhookChannel c) {
            return new Form(c.getName(), c.getCallbackUrl(), c.getSource().name(), c.getDepartmentId(), c.getTeamId(),
                    c.isActive());
        }

        WebhookChannelInput input(Map<String, String> problems) {
            WebhookSource parsed = null;
            try {
                parsed = WebhookSource.valueOf(source == null ? "" : source);
            } catch (IllegalArgumentException e) {
                problems.put("source", "?");
            }
            if (name == null || name.isBlank() || name.length() > 100) {
                problems.put("name", "1–100");
            }
            return new WebhookChannelInput(name, callbackUrl, parsed, departmentId, teamId, active);
        }
    }

    private void common(Model model, Actor actor) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("navSection", "admin");
        model.addAttribute("sources", WebhookSource.values());
        model.addAttribute("departments", agents.departments());
        model.addAttribute("teams", agents.teams());
        model.addAttribute("inboundBase", ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString()
                + "/api/v1/channels/webhook/");
    }

    @GetMapping("/admin/webhooks")
    String list(Actor actor, Model model) {
        common(model, actor);
        model.addAttribute("channels", managing.list());
        model.addAttribute("form", new Form("", "", "WECHAT", null, null, true));
        model.addAttribute("problems", Map.of());
        return "channel/admin-webhooks";
    }

    @PostMapping("/admin/webhooks")
    String create(Form form, Actor actor, Model model) {
        common(model, actor);
        Map<String, String> problems = new LinkedHashMap<>();
        WebhookChannelInput input = form.input(problems);
        if (problems.isEmpty()) {
            try {
                ManagingWebhookChannels.WithSecret created = managing.create(input);
                model.addAttribute("channel", created.channel());
                model.addAttribute("secret", created.secret());
                return "channel/admin-webhook-secret";
            } catch (InvalidRequestException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            }
        }
        model.addAttribute("channels", managing.list());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "channel/admin-webhooks";
    }

    @GetMapping("/admin/webhooks/{id}")
    String edit(@PathVariable long id, Actor actor, Model model) {
        common(model, actor);
        WebhookChannel channel = managing.get(id);
        model.addAttribute("channel", channel);
        model.addAttribute("form", Form.of(channel));
        model.addAttribute("problems", Map.of());
        return "channel/admin-webhook-edit";
    }

    @PostMapping("/admin/webhooks/{id}")
    String update(@PathVariable long id, Form form, @RequestParam(defaultValue = "false") boolean active, Actor actor,
            Model model) {
        common(model, actor);
        Map<String, String> problems = new LinkedHashMap<>();
        Form typed = new Form(form.name(), form.callbackUrl(), form.source(), form.departmentId(), form.teamId(), active);
        WebhookChannelInput input = typed.input(problems);
        if (problems.isEmpty()) {
            try {
                managing.update(id, input);
                return "redirect:/admin/webhooks?saved";
            } catch (InvalidRequestException e) {
                e.problems().forEach(p -> problems.putIfAbsent(p.field(), p.message()));
            }
        }
        model.addAttribute("channel", managing.get(id));
        model.addAttribute("form", typed);
        model.addAttribute("problems", problems);
        return "channel/admin-webhook-edit";
    }

    @PostMapping("/admin/webhooks/{id}/secret")
    String rotate(@PathVariable long id, Actor actor, Model model) {
        common(model, actor);
        ManagingWebhookChannels.WithSecret rotated = managing.rotateSecret(id);
        model.addAttribute("channel", rotated.channel());
        model.addAttribute("secret", rotated.secret());
        return "channel/admin-webhook-secret";
    }
}
