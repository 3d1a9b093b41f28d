package org.kefu.automation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.kefu.automation.ManagingTemplates;
import org.kefu.automation.RenderedTemplate;
import org.kefu.automation.RenderingTemplates;
import org.kefu.automation.ReplyTemplate;
import org.kefu.automation.TemplateFilter;
import org.kefu.automation.TemplateInput;
import org.kefu.automation.TemplateLanguage;
import org.kefu.automation.TemplateRenderer;
import org.kefu.automation.TemplateScope;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Reply templates", description = "预设回复模板: personal and shared templates with {{variables}} and language variants, "
        + "rendered for a ticket")
class TemplateApiController {

    private final ManagingTemplates templates;
    private final RenderingTemplates rendering;

    TemplateApiController(ManagingTemplates templates, RenderingTemplates rendering) {
        this.templates = templates;
        this.rendering = rendering;
    }

    record TemplateView(long id, String name, String nameZhTw, String nameEn, String shortcut, String category, TemplateScope scope,
            Long ownerId, Long teamId, Long departmentId, Map<String, String> bodies, long usageCount, long version) {

        static TemplateView of(ReplyTemplate t) {
            Map<String, String> bodies = new LinkedHashMap<>();
            t.bodies().forEach((l, b) -> bodies.put(l.tag(), b));
            return new TemplateView(t.id(), t.name(), t.nameZhTw(), t.nameEn(), t.shortcut(), t.category(), t.scope(),
                    t.sharing().ownerId(), t.sharing().teamId(), t.sharing().departmentId(), bodies, t.usageCount(), t.version());
        }
    }

    /** A template as sent: bodies keyed by language tag (zh-CN, zh-TW, en). */
    record TemplateRequest(String name, String nameZhTw, String nameEn, String shortcut, String category, TemplateScope scope,
            Long teamId, Long departmentId, Map<String, String> bodies, Long version) {

        TemplateInput input() {
            Map<String, String> b = bodies == null ? Map.of() : bodies;
            for (String tag : b.keySet()) {
                TemplateLanguage.parse("bodies." + tag, tag);
            }
            return new TemplateInput(name, nameZhTw, nameEn, shortcut, category, scope, teamId, departmentId,
                    b.get("zh-CN"), b.get("zh-TW"), b.get("en"));
        }
    }

    record RenderView(long templateId, String language, String text, List<String> missing, boolean complete) {

        static RenderView of(RenderedTemplate r) {
            return new RenderView(r.templateId(), r.language().tag(), r.text(), r.missing(), r.complete());
        }
    }

    record VariablesView(List<String> variables, List<String> patterns, String placeholderRule) {
    }

    @GetMapping("/api/v1/templates")
    @Operation(summary = "Templates you may see (your personal ones and those shared with you), most used first; keyset paged")
    Slice<TemplateView> list(
            @Parameter(description = "words in name, shortcut or category") @RequestParam(required = false) String q,
            @Parameter(description = "true: only your personal templates; false: only shared ones") @RequestParam(required = false) Boolean mine,
            @RequestParam(required = false) String category,
            @Parameter(description = "only templates written in zh-CN, zh-TW or en") @RequestParam(required = false) String language,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) Integer limit, Actor actor) {
        TemplateLanguage lang = language == null || language.isBlank() ? null : TemplateLanguage.parse("language", language);
        return templates.list(actor, new TemplateFilter(q, mine, category, lang), cursor, PageLimit.of(limit)).map(TemplateView::of);
    }

    @GetMapping("/api/v1/templates/variables")
    @Operation(summary = "The variables a template body may use")
    VariablesView variables() {
        return new VariablesView(TemplateRenderer.VARIABLES, List.of("custom.<key>", "ask.<what the agent must fill>"),
                "A variable without a value renders as a placeholder such as 【客户姓名?】 or [customer name?]; "
                        + "a reply to the customer that still contains one, or '{{', is refused with 422.");
    }

    @GetMapping("/api/v1/templates/{id}")
    @Operation(summary = "One template (a personal template only for its owner)")
    TemplateView get(@PathVariable long id, Actor actor) {
        return TemplateView.of(templates.get(id, actor));
    }

    @PostMapping("/api/v1/templates")
    @Operation(summary = "Create a template. scope PERSONAL (yours), or TEAM/DEPARTMENT (with teamId/departmentId) or EVERYONE "
            + "for supervisors and admins. Unknown {{variables}} are refused")
    ResponseEntity<TemplateView> create(@RequestBody TemplateRequest body, Actor actor) {
        TemplateView view = TemplateView.of(templates.create(valid(body), actor));
        return ResponseEntity.created(URI.create("/api/v1/templates/" + view.id())).body(view);
    }

    @PutMapping("/api/v1/templates/{id}")
    @Operation(summary = "Replace a template; send the version you read to avoid overwriting someone else's change (409)")
    TemplateView replace(@PathVariable long id, @RequestBody TemplateRequest body, Actor actor) {
        return TemplateView.of(templates.replace(id, valid(body), body.version(), actor));
    }

    @DeleteMapping("/api/v1/templates/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a template")
    void delete(@PathVariable long id, Actor actor) {
        templates.delete(id, actor);
    }

    @PostMapping("/api/v1/tickets/{ticketId}/templates/{id}/render")
    @Operation(summary = "Render a template for a ticket, in the customer's preferred language if the template has it "
            + "(else zh-CN) or the one asked for; counts one use. Unfilled variables come back as placeholders and in 'missing'")
    RenderView render(@PathVariable long ticketId, @PathVariable long id,
            @Parameter(description = "zh-CN, zh-TW or en (default: the customer's)") @RequestParam(required = false) String language,
            Actor actor, Locale locale) {
        TemplateLanguage lang = language == null || language.isBlank() ? null : TemplateLanguage.parse("language", language);
        return RenderView.of(rendering.use(ticketId, id, lang, actor, locale));
    }

    private static TemplateInput valid(TemplateRequest body) {
        TemplateInput input = body.input();
        ApiValidation.check(input);
        return input;
    }
}
