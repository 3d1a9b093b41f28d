package org.kefu.insight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.kefu.insight.classify.ClassificationRule;
import org.kefu.insight.classify.ClassificationRules;
import org.kefu.insight.classify.ClassificationTopics;
import org.kefu.insight.classify.ModelInfo;
import org.kefu.insight.classify.ModelTraining;
import org.kefu.insight.classify.RuleDraft;
import org.kefu.insight.classify.TicketClassification;
import org.kefu.insight.classify.TicketClassifications;
import org.kefu.insight.classify.Topic;
import org.kefu.platform.Actor;
import org.kefu.platform.PageLimit;
import org.kefu.platform.Role;
import org.kefu.platform.Slice;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Classification (问题分类): complaint type and topic suggestions, topics, keyword rules, model")
class ClassificationApiController {

    private final TicketClassifications classifications;
    private final ClassificationTopics topics;
    private final ClassificationRules rules;
    private final ModelTraining training;

    ClassificationApiController(TicketClassifications classifications, ClassificationTopics topics,
            ClassificationRules rules, ModelTraining training) {
        this.classifications = classifications;
        this.topics = topics;
        this.rules = rules;
        this.training = training;
    }

    record ConfirmRequest(@Size(max = 40) String complaintType, @Size(max = 40) String topic) {
    }

    record TopicRequest(@NotBlank @Size(max = 40) String code, @NotBlank @Size(max = 100) String nameZhCn,
            @NotBlank @Size(max = 100) String nameZhTw, @NotBlank @Size(max = 100) String nameEn, Integer position) {
    }

    record TopicChange(@Size(min = 1, max = 100) String nameZhCn, @Size(min = 1, max = 100) String nameZhTw,
            @Size(min = 1, max = 100) String nameEn, Integer position, Boolean active) {
    }

    @GetMapping("/tickets/{id}/classification")
    @Operation(summary = "The suggested complaint type and topic of the ticket with confidences (0-1), the rules and model "
            + "version that produced them, the ticket's current type and whether the suggestion agrees, and the agent's "
            + "confirmation if given")
    TicketClassification get(@PathVariable long id, Actor actor) {
        return classifications.of(id, actor);
    }

    @PostMapping("/tickets/{id}/classification/confirm")
    @Operation(summary = "Confirm or correct the suggestion: sets the ticket's complaint type (on the timeline, with you as "
            + "actor) and stores the topic; the answer becomes training data. Give complaintType, topic or both")
    TicketClassification confirm(@PathVariable long id, @Valid @RequestBody ConfirmRequest body, Actor actor) {
        return classifications.confirm(id, body.complaintType(), body.topic(), actor);
    }

    @GetMapping("/admin/classification/topics")
    @Operation(summary = "The topics, in order (any agent may read them)")
    List<Topic> topics() {
        return topics.all();
    }

    @PostMapping("/admin/classification/topics")
    @Operation(summary = "Add a topic (admin)")
    ResponseEntity<Topic> createTopic(@Valid @RequestBody TopicRequest body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        Topic topic = topics.create(body.code(), body.nameZhCn(), body.nameZhTw(), body.nameEn(), body.position());
        return ResponseEntity.created(URI.create("/api/v1/admin/classification/topics/" + topic.id())).body(topic);
    }

    @PatchMapping("/admin/classification/topics/{topicId}")
    @Operation(summary = "Rename, reorder or (de)activate a topic (admin); topics are never deleted")
    Topic changeTopic(@PathVariable long topicId, @Valid @RequestBody TopicChange body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return topics.change(topicId, body.nameZhCn(), body.nameZhTw(), body.nameEn(), body.position(), body.active());
    }

    @GetMapping("/admin/classification/rules")
    @Operation(summary = "The keyword rules by id, keyset-paged (admin)")
    Slice<ClassificationRule> rules(@RequestParam(required = false) String cursor,
            @RequestParam(required = false) Integer limit, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.page(cursor, PageLimit.of(limit));
    }

    @GetMapping("/admin/classification/rules/{ruleId}")
    @Operation(summary = "One keyword rule (admin)")
    ClassificationRule rule(@PathVariable long ruleId, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.get(ruleId);
    }

    @PostMapping("/admin/classification/rules")
    @Operation(summary = "Add a keyword rule (admin): name, keywords (1-100 phrases in any script), complaintType and/or "
            + "topic, weight (0-10], negatable, active")
    ResponseEntity<ClassificationRule> createRule(@RequestBody RuleDraft body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        ClassificationRule rule = rules.create(body);
        return ResponseEntity.created(URI.create("/api/v1/admin/classification/rules/" + rule.id())).body(rule);
    }

    @PutMapping("/admin/classification/rules/{ruleId}")
    @Operation(summary = "Replace a keyword rule (admin); weight, negatable and active keep their value when omitted")
    ClassificationRule updateRule(@PathVariable long ruleId, @RequestBody RuleDraft body, Actor actor) {
        actor.requireRole(Role.ADMIN);
        return rules.update(ruleId, body);
    }

    @DeleteMapping("/admin/classification/rules/{ruleId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a keyword rule (admin)")
    void deleteRule(@PathVariable long ruleId, Actor actor) {
        actor.requireRole(Role.ADMIN);
        rules.delete(ruleId);
    }

    @GetMapping("/admin/classification/model")
    @Operation(summary = "The model in use: version (0 = the shipped seed model), when and why trained, examples, "
            + "vocabulary size, labels, and confirmations not yet learned (admin)")
    ModelInfo model(Actor actor) {
        actor.requireRole(Role.ADMIN);
        return training.current();
    }

    @PostMapping("/admin/classification/retrain")
    @Operation(summary = "Retrain now from the seed set and agents' confirmations; stores the next model version, which "
            + "every node loads (admin)")
    ModelInfo retrain(Actor actor) {
        actor.requireRole(Role.ADMIN);
        training.retrain(ModelTraining.ADMIN);
        return training.current();
    }
}
