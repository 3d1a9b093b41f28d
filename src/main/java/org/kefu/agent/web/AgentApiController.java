package org.kefu.agent.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.kefu.agent.AgentChanges;
import org.kefu.agent.AgentDirectory;
import org.kefu.agent.InvitingAgents;
import org.kefu.platform.web.PublicUrl;
import org.kefu.agent.IssuingApiTokens;
import org.kefu.agent.NewAgent;
import org.kefu.agent.Presence;
import org.kefu.agent.web.AgentViews.AgentView;
import org.kefu.agent.web.AgentViews.CreatedTokenView;
import org.kefu.agent.web.AgentViews.DepartmentView;
import org.kefu.agent.web.AgentViews.TeamView;
import org.kefu.agent.web.AgentViews.TokenView;
import org.kefu.platform.Actor;
import org.kefu.platform.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Agents, departments, teams and API tokens")
class AgentApiController {

    private final AgentDirectory directory;
    private final IssuingApiTokens tokens;
    private final InvitingAgents inviting;
    private final PublicUrl publicUrl;

    AgentApiController(AgentDirectory directory, IssuingApiTokens tokens, InvitingAgents inviting, PublicUrl publicUrl) {
        this.directory = directory;
        this.tokens = tokens;
        this.inviting = inviting;
        this.publicUrl = publicUrl;
    }

    @GetMapping("/me")
    @Operation(summary = "The account the token belongs to")
    @Transactional(readOnly = true)
    AgentView me(Actor actor) {
        return AgentView.of(directory.get(actor.id()));
    }

    record PresenceRequest(@NotNull Presence presence) {
    }

    @PutMapping("/me/presence")
    @Operation(summary = "Set your presence: AVAILABLE, BUSY, AWAY or OFFLINE")
    @Transactional
    AgentView presence(@Valid @RequestBody PresenceRequest body, Actor actor) {
        return AgentView.of(directory.changePresence(actor.id(), body.presence()));
    }

    @GetMapping("/agents")
    @Transactional(readOnly = true)
    List<AgentView> agents() {
        return directory.agents().stream().map(AgentView::of).toList();
    }

    @GetMapping("/agents/{id}")
    @Transactional(readOnly = true)
    AgentView agent(@PathVariable long id) {
        return AgentView.of(directory.get(id));
    }

    @PostMapping("/agents")
    @Operation(summary = "Create an agent account (admin)")
    @Transactional
    ResponseEntity<AgentView> create(@Valid @RequestBody NewAgent body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        AgentView view = AgentView.of(directory.create(body, actor.id()));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + view.id())).body(view);
    }

    @PostMapping("/agents/invitations")
    @Operation(summary = "Invite an agent (admin): creates the account without a password and mails a one-time link"
            + " (valid 24 h) with which the agent sets one; a password in the body is ignored")
    @Transactional
    ResponseEntity<AgentView> invite(@Valid @RequestBody NewAgent body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        AgentView view = AgentView.of(inviting.invite(body, actor, publicUrl.get()));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + view.id())).body(view);
    }

    @PostMapping("/agents/{id}/invitation")
    @Operation(summary = "Mail a fresh invitation link to an agent who has not set a password yet (admin); older links stop working")
    @Transactional
    AgentView reinvite(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return AgentView.of(inviting.resend(id, actor, publicUrl.get()));
    }

    @PatchMapping("/agents/{id}")
    @Operation(summary = "Change an agent: role, departments, teams, skills, load, active (admin)")
    @Transactional
    AgentView update(@PathVariable long id, @Valid @RequestBody AgentChanges body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return AgentView.of(directory.update(id, body, actor));
    }

    record DepartmentRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_-]+$",
            message = "may hold letters, digits, '-' and '_'") String code, @NotBlank @Size(max = 200) String name,
            Boolean isDefault) {
    }

    record DepartmentChange(@Size(min = 1, max = 200) String name, Boolean isDefault) {
    }

    @GetMapping("/departments")
    @Transactional(readOnly = true)
    List<DepartmentView> departments() {
        return directory.departments().stream().map(DepartmentView::of).toList();
    }

    @PostMapping("/departments")
    @Transactional
    ResponseEntity<DepartmentView> createDepartment(@Valid @RequestBody DepartmentRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        DepartmentView view = DepartmentView.of(directory.createDepartment(body.code(), body.name(),
                Boolean.TRUE.equals(body.isDefault())));
        return ResponseEntity.created(URI.create("/api/v1/departments/" + view.id())).body(view);
    }

    @PatchMapping("/departments/{id}")
    @Transactional
    DepartmentView updateDepartment(@PathVariable long id, @Valid @RequestBody DepartmentChange body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return DepartmentView.of(directory.updateDepartment(id, body.name(), body.isDefault()));
    }

    record TeamRequest(@NotBlank @Size(max = 200) String name, @NotNull Long departmentId) {
    }

    record TeamChange(@NotBlank @Size(max = 200) String name) {
    }

    @GetMapping("/teams")
    @Transactional(readOnly = true)
    List<TeamView> teams() {
        return directory.teams().stream().map(TeamView::of).toList();
    }

    @PostMapping("/teams")
    @Transactional
    ResponseEntity<TeamView> createTeam(@Valid @RequestBody TeamRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        TeamView view = TeamView.of(directory.createTeam(body.name(), body.departmentId()));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + view.id())).body(view);
    }

    @PatchMapping("/teams/{id}")
    @Transactional
    TeamView renameTeam(@PathVariable long id, @Valid @RequestBody TeamChange body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return TeamView.of(directory.renameTeam(id, body.name()));
    }

    record TokenRequest(@NotBlank @Size(max = 200) String name, @NotNull Long agentId, @Future Instant expiresAt) {
    }

    @GetMapping("/api-tokens")
    @Operation(summary = "List API tokens (admin); values are never shown again")
    @Transactional(readOnly = true)
    List<TokenView> tokens(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @PostMapping("/api-tokens")
    @Operation(summary = "Create an API token for a user (admin); the response is the only time the value is shown")
    @Transactional
    ResponseEntity<CreatedTokenView> createToken(@Valid @RequestBody TokenRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        IssuingApiTokens.IssuedToken issued = tokens.issue(body.agentId(), body.name().strip(), body.expiresAt(), actor.id());
        return ResponseEntity.created(URI.create("/api/v1/api-tokens/" + issued.token().getId()))
                .body(new CreatedTokenView(TokenView.of(issued.token()), issued.secret()));
    }

    @DeleteMapping("/api-tokens/{id}")
    @Operation(summary = "Revoke an API token (admin)")
    @Transactional
    TokenView revokeToken(@PathVariable long id, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return TokenView.of(tokens.revoke(id, actor));
    }
}
