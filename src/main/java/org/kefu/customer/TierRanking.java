package org.kefu.customer;

import java.util.List;
import java.util.Optional;

/** The customer tiers as configured, highest rank first: an immutable snapshot, cached on each node. */
public record TierRanking(List<Tier> highestFirst) {

    /** One tier's values. */
    public record Tier(long id, String code, String name, int rank) {
    }

    public TierRanking {
        highestFirst = List.copyOf(highestFirst);
    }

    public Optional<Tier> byId(long id) {
        return highestFirst.stream().filter(t -> t.id() == id).findFirst();
    }

    public Optional<Tier> byCode(String code) {
        return highestFirst.stream().filter(t -> t.code().equals(code)).findFirst();
    }

    public List<String> codes() {
        return highestFirst.stream().map(Tier::code).toList();
    }

    public int lowestRank(int otherwise) {
        return highestFirst.stream().mapToInt(Tier::rank).min().orElse(otherwise);
    }

    public int highestRank(int otherwise) {
        return highestFirst.stream().mapToInt(Tier::rank).max().orElse(otherwise);
    }
}
