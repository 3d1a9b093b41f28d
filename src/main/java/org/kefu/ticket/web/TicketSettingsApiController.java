package org.kefu.ticket.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.ticket.CustomFieldDefinition;
import org.kefu.ticket.TagCatalogue;
import org.kefu.ticket.TicketSettings;
import org.kefu.ticket.web.TicketViews.ComplaintTypeView;
import org.kefu.ticket.web.TicketViews.CustomFieldView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Ticket settings: complaint types, custom fields, tags")
class TicketSettingsApiController {

    private final TicketSettings settings;
    private final TagCatalogue tags;

    TicketSettingsApiController(TicketSettings settings, TagCatalogue tags) {
        this.settings = settings;
        this.tags = tags;
    }

    @GetMapping("/complaint-types")
    @Transactional(readOnly = true)
    List<ComplaintTypeView> complaintTypes() {
        return settings.complaintTypes().stream().map(ComplaintTypeView::of).toList();
    }

    record ComplaintTypeRequest(@NotBlank @Size(max = 40) @Pattern(regexp = "^[A-Za-z0-9_]+$",
            message = "may hold letters, digits and '_'") String code, @NotBlank @Size(max = 100) String nameZhCn,
            @NotBlank @Size(max = 100) String nameZhTw, @NotBlank @Size(max = 100) String nameEn, Integer position) {
    }

    record ComplaintTypeChange(@Size(min = 1, max = 100) String nameZhCn, @Size(min = 1, max = 100) String nameZhTw,
            @Size(min = 1, max = 100) String nameEn, Integer position, Boolean active) {
    }

    @PostMapping("/complaint-types")
    @Operation(summary = "Add a complaint type (admin)")
    @Transactional
    ResponseEntity<ComplaintTypeView> createComplaintType(@Valid @RequestBody ComplaintTypeRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ComplaintTypeView view = ComplaintTypeView.of(settings.createComplaintType(body.code(), body.nameZhCn(),
                body.nameZhTw(), body.nameEn(), body.position()));
        return ResponseEntity.created(URI.create("/api/v1/complaint-types/" + view.id())).body(view);
    }

    @PatchMapping("/complaint-types/{id}")
    @Operation(summary = "Rename, reorder or (de)activate a complaint type (admin)")
    @Transactional
    ComplaintTypeView changeComplaintType(@PathVariable long id, @Valid @RequestBody ComplaintTypeChange body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return ComplaintTypeView.of(settings.changeComplaintType(id, body.nameZhCn(), body.nameZhTw(), body.nameEn(),
                body.position(), body.active()));
    }

    @GetMapping("/custom-fields")
    @Transactional(readOnly = true)
    List<CustomFieldView> customFields() {
        return settings.customFields().stream().map(CustomFieldView::of).toList();
    }

    record CustomFieldRequest(@NotBlank @Size(max = 60) @Pattern(regexp = "^[a-z][a-zA-Z0-9_]*$",
            message = "must start with a lower-case letter and hold letters, digits and '_'") String key,
            @NotBlank @Size(max = 200) String label, @NotNull CustomFieldDefinition.Type type,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> options, Boolean required, Integer position) {
    }

    record CustomFieldChange(@Size(min = 1, max = 200) String label,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> options, Boolean required, Boolean active,
            Integer position) {
    }

    @PostMapping("/custom-fields")
    @Operation(summary = "Define a ticket field (admin): TEXT, NUMBER, DATE, SELECT or MULTI_SELECT")
    @Transactional
    ResponseEntity<CustomFieldView> createCustomField(@Valid @RequestBody CustomFieldRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        CustomFieldView view = CustomFieldView.of(settings.createCustomField(body.key(), body.label(), body.type(),
                body.options(), Boolean.TRUE.equals(body.required()), body.position()));
        return ResponseEntity.created(URI.create("/api/v1/custom-fields/" + view.id())).body(view);
    }

    @PatchMapping("/custom-fields/{id}")
    @Transactional
    CustomFieldView changeCustomField(@PathVariable long id, @Valid @RequestBody CustomFieldChange body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return CustomFieldView.of(settings.changeCustomField(id, body.label(), body.options(), body.required(),
                body.active(), body.position()));
    }

    record TagList(List<String> items, String nextCursor) {
    }

    @GetMapping("/tags")
    @Operation(summary = "Tag names in use, alphabetically; prefix filters, cursor is the last name seen")
    @Transactional(readOnly = true)
    TagList tags(@RequestParam(required = false) String prefix, @RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit) {
        int size = PageLimit.of(limit);
        List<String> names = tags.list(prefix, cursor, size + 1);
        return names.size() > size ? new TagList(names.subList(0, size), names.get(size - 1)) : new TagList(names, null);
    }

    record TagRequest(@NotBlank @Size(max = 60) String name) {
    }

    @PostMapping("/tags")
    @ResponseStatus(HttpStatus.CREATED)
    TagRequest addTag(@Valid @RequestBody TagRequest body) {
        tags.add(body.name());
        return new TagRequest(body.name().strip());
    }
}
