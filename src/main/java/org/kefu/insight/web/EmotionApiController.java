package org.kefu.insight.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.kefu.insight.MessageEmotions;
import org.kefu.platform.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tickets/{id}/emotions")
@Tag(name = "Emotion")
class EmotionApiController {

    private final MessageEmotions emotions;

    EmotionApiController(MessageEmotions emotions) {
        this.emotions = emotions;
    }

    @GetMapping
    @Operation(summary = "The emotion read from each customer message of the ticket, newest first (up to 12): label, "
            + "intensity 0-1 and the cues that produced it")
    List<EmotionView> list(@PathVariable long id, Actor actor) {
        return EmotionView.of(emotions.of(id, actor));
    }
}
