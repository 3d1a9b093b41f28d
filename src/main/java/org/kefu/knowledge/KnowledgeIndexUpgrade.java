package org.kefu.knowledge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a knowledge index written before the highlighted fields stored their offsets: it still answers
 * searches, but Lucene refuses changed articles in the new field format until the index is dropped and rebuilt.
 */
@Component
class KnowledgeIndexUpgrade {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexUpgrade.class);

    private final KnowledgeSearch search;
    private final boolean enabled;

    KnowledgeIndexUpgrade(KnowledgeSearch search, @Value("${kefu.search.rebuild-outdated-index:true}") boolean enabled) {
        this.search = search;
        this.enabled = enabled;
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildOutdatedIndex() {
        if (enabled && search.indexLacksOffsets()) {
            log.warn("The knowledge search index was written without stored offsets for highlighting (an older "
                    + "version): rebuilding it now.");
            search.rebuild();
        }
    }
}
