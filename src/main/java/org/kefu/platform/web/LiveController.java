package org.kefu.platform.web;

import org.kefu.platform.Actor;
import org.kefu.platform.live.LiveUpdates;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The event stream every workspace page opens (see static/js/kefu.js). */
@Controller
class LiveController {

    private final LiveUpdates live;

    LiveController(LiveUpdates live) {
        this.live = live;
    }

    @GetMapping(path = "/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(Actor actor) {
        return live.subscribe(actor);
    }
}
