package org.kefu.channel.email.web;

import java.util.ArrayList;
import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.channel.email.MailSecurity;
import org.kefu.channel.email.Mailbox;
import org.kefu.channel.email.MailboxInput;
import org.kefu.channel.email.ManagingMailboxes;
import org.kefu.platform.Actor;
import org.kefu.platform.FormProblems;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin pages for mailboxes: list, create, change (passwords write-only), test the connection, delete. ADMIN only. */
@Controller
class MailboxPageController {

    private final ManagingMailboxes mailboxes;
    private final AgentDirectory agents;

    MailboxPageController(ManagingMailboxes mailboxes, AgentDirectory agents) {
        this.mailboxes = mailboxes;
        this.agents = agents;
    }

    /** The form as typed: text, so a wrong number comes back with the rest of what was entered. */
    record MailboxForm(String name, String fromAddress, String imapHost, String imapPort, String imapSecurity, String imapUser,
            String imapPassword, String clearImapPassword, String imapFolder, String processedFolder, String smtpHost,
            String smtpPort, String smtpSecurity, String smtpUser, String smtpPassword, String clearSmtpPassword,
            String departmentId, String teamId, String pollIntervalSeconds, String acknowledge, String active,
            String version) {

        static MailboxForm empty() {
            return new MailboxForm("", "", "", "993", "SSL", "", null, null, "INBOX", "", "", "465", "SSL", "", null, null,
                    "", "", "60", "on", "on", null);
        }

        static MailboxForm of(Mailbox m) {
            return new MailboxForm(m.name(), m.fromAddress(), text(m.imapHost()), String.valueOf(m.imapPort()),
                    m.imapSecurity().name(), text(m.imapUser()), null, null, m.imapFolder(), text(m.processedFolder()),
                    text(m.smtpHost()), String.valueOf(m.smtpPort()), m.smtpSecurity().name(), text(m.smtpUser()), null, null,
                    m.departmentId() == null ? "" : m.departmentId().toString(), m.teamId() == null ? "" : m.teamId().toString(),
                    String.valueOf(m.pollIntervalSeconds()), m.acknowledge() ? "on" : null, m.active() ? "on" : null,
                    String.valueOf(m.version()));
        }

        private static String text(String s) {
            return s == null ? "" : s;
        }

        MailboxInput input(FormProblems problems) {
            return new MailboxInput(name, fromAddress, imapHost, number("imapPort", imapPort, problems),
                    security("imapSecurity", imapSecurity, problems), imapUser, imapPassword, clearImapPassword != null,
                    imapFolder, processedFolder, smtpHost, number("smtpPort", smtpPort, problems),
                    security("smtpSecurity", smtpSecurity, problems), smtpUser, smtpPassword, clearSmtpPassword != null,
                    id("departmentId", departmentId, problems), id("teamId", teamId, problems),
                    number("pollIntervalSeconds", pollIntervalSeconds, problems), acknowledge != null, active != null);
        }

        Long versionNumber() {
            try {
                return version == null || version.isBlank() ? null : Long.parseLong(version.strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static Integer number(String field, String value, FormProblems problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                problems.field(field, "a whole number");
                return null;
            }
        }

        private static Long id(String field, String value, FormProblems problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                problems.field(field, "choose from the list");
                return null;
            }
        }

        private static MailSecurity security(String field, String value, FormProblems problems) {
            if (value == null || value.isBlank()) {
                return null;
            }
            try {
                return MailSecurity.valueOf(value.strip());
            } catch (IllegalArgumentException e) {
                problems.field(field, "SSL, STARTTLS or NONE");
                return null;
            }
        }
    }

    @GetMapping("/admin/mailboxes")
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        model.addAttribute("navSection", "admin");
        List<Mailbox> all = mailboxes.list();
        java.util.Map<Long, Long> skipped = new java.util.HashMap<>();
        all.forEach(m -> skipped.put(m.id(), mailboxes.skippedMails(m.id())));
        model.addAttribute("mailboxes", all);
        model.addAttribute("skipped", skipped);
        model.addAttribute("outbox", mailboxes.outboxCounts());
        return "email/mailboxes";
    }

    @GetMapping("/admin/mailboxes/new")
    String newForm(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        return form(null, MailboxForm.empty(), FormProblems.none(), model);
    }

    @PostMapping("/admin/mailboxes")
    String create(@ModelAttribute MailboxForm form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        FormProblems problems = FormProblems.none();
        MailboxInput input = form.input(problems);
        if (!problems.isEmpty()) {
            return form(null, form, problems, model);
        }
        try {
            Mailbox created = mailboxes.create(input);
            redirect.addFlashAttribute("saved", "email.mailboxes.saved");
            return "redirect:/admin/mailboxes/" + created.id();
        } catch (InvalidRequestException e) {
            return form(null, form, problems.add(e), model);
        }
    }

    @GetMapping("/admin/mailboxes/{id}")
    String edit(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        Mailbox mailbox = mailboxes.get(id);
        return form(mailbox, MailboxForm.of(mailbox), FormProblems.none(), model);
    }

    @PostMapping("/admin/mailboxes/{id}")
    String save(@PathVariable long id, @ModelAttribute MailboxForm form, Actor actor, Model model, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        Mailbox current = mailboxes.get(id);
        FormProblems problems = FormProblems.none();
        MailboxInput input = form.input(problems);
        if (!problems.isEmpty()) {
            return form(current, form, problems, model);
        }
        try {
            mailboxes.update(id, input, form.versionNumber());
            redirect.addFlashAttribute("saved", "email.mailboxes.saved");
            return "redirect:/admin/mailboxes/" + id;
        } catch (InvalidRequestException e) {
            return form(current, form, problems.add(e), model);
        }
    }

    @PostMapping("/admin/mailboxes/{id}/delete")
    String delete(@PathVariable long id, Actor actor, RedirectAttributes redirect) {
        actor.requireRole(Role.ADMIN);
        mailboxes.delete(id);
        redirect.addFlashAttribute("saved", "email.mailboxes.deleted");
        return "redirect:/admin/mailboxes";
    }

    @PostMapping("/admin/mailboxes/{id}/test")
    String test(@PathVariable long id, Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        Mailbox mailbox = mailboxes.get(id);
        model.addAttribute("check", mailboxes.testConnection(id));
        return form(mailbox, MailboxForm.of(mailbox), FormProblems.none(), model);
    }

    private String form(Mailbox mailbox, MailboxForm form, FormProblems problems, Model model) {
        model.addAttribute("navSection", "admin");
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("form", form);
        model.addAttribute("errors", problems);
        model.addAttribute("securities", List.of(MailSecurity.values()));
        model.addAttribute("departments", new ArrayList<>(agents.departments()));
        model.addAttribute("teams", new ArrayList<>(agents.teams()));
        return "email/mailbox-form";
    }
}
