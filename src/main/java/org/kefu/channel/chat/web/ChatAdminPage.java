package org.kefu.channel.chat.web;

import java.util.List;
import org.kefu.agent.AgentDirectory;
import org.kefu.channel.chat.ChatChannel;
import org.kefu.channel.chat.ChatChannelInput;
import org.kefu.channel.chat.ChatChannels;
import org.kefu.platform.Actor;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.Role;
import org.kefu.platform.web.PublicUrl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admin page of the chat channels: create, change, and the widget snippet to paste into a website. ADMIN only. */
@Controller
class ChatAdminPage {

    private final ChatChannels channels;
    private final AgentDirectory agents;
    private final PublicUrl publicUrl;

    ChatAdminPage(ChatChannels channels, AgentDirectory agents, PublicUrl publicUrl) {
        this.channels = channels;
        this.agents = agents;
        this.publicUrl = publicUrl;
    }

    record Row(ChatChannel channel, String snippet) {
    }

    @GetMapping("/admin/chat")
    String list(Actor actor, Model model) {
        actor.requireRole(Role.ADMIN);
        String base = publicUrl.get();
        model.addAttribute("navSection", "admin");
        model.addAttribute("rows", channels.list().stream().map(c -> new Row(c, "<script src=\"" + base
                + "/chat/widget.js\" data-channel=\"" + c.publicKey() + "\" async></script>")).toList());
        model.addAttribute("departments", agents.departments());
        model.addAttribute("teams", agents.teams());
        return "chat/admin";
    }

    @PostMapping("/admin/chat")
    String create(Actor actor, @RequestParam String name, @RequestParam(required = false) String allowedOrigins,
            @RequestParam(required = false) Long departmentId, @RequestParam(required = false) Long teamId,
            @RequestParam(required = false) String greeting, @RequestParam(defaultValue = "false") boolean offlineForm,
            RedirectAttributes redirect) {
        try {
            channels.create(new ChatChannelInput(name, origins(allowedOrigins), departmentId, teamId, greeting, offlineForm,
                    true), actor);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/admin/chat";
    }

    @PostMapping("/admin/chat/{id}")
    String update(@PathVariable long id, Actor actor, @RequestParam String name,
            @RequestParam(required = false) String allowedOrigins, @RequestParam(required = false) Long departmentId,
            @RequestParam(required = false) Long teamId, @RequestParam(required = false) String greeting,
            @RequestParam(defaultValue = "false") boolean offlineForm, @RequestParam(defaultValue = "false") boolean active,
            RedirectAttributes redirect) {
        try {
            channels.update(id, new ChatChannelInput(name, origins(allowedOrigins), departmentId, teamId,
                    greeting == null ? "" : greeting, offlineForm, active), actor);
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidRequestException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/admin/chat";
    }

    private static List<String> origins(String text) {
        return text == null ? List.of() : List.of(text);
    }
}
