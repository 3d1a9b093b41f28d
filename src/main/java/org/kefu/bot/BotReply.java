package org.kefu.bot;

import java.util.List;
import org.kefu.knowledge.KnowledgePassages.Passage;

/**
 * What the bot did with a question or a verdict: the turn it said (null when it said nothing, e.g. a VIP goes
 * straight to a person), the reason when it handed the conversation to a person, and the passages it answered from.
 */
public record BotReply(BotSession session, BotTurn turn, HandOffReason handOff, List<Passage> passages) {

    public BotReply {
        passages = passages == null ? List.of() : List.copyOf(passages);
    }

    public boolean handedOff() {
        return handOff != null;
    }
}
