package org.kefu.ticket;

import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.InvalidRequestException.FieldProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The list of tag names in use. Names are trimmed and at most 60 characters; a name used for
 * the first time joins the catalogue in its own short transaction, so two tickets that
 * introduce the same new tag at once do not fail each other.
 */
@Component
public class TagCatalogue {

    static final int MAX_LENGTH = 60;
    static final int MAX_PER_TICKET = 50;
    private static final int MAX_REMEMBERED = 50_000;

    private final EntityManager entityManager;
    private final TransactionTemplate separate;
    private final Clock clock;
    /** Names seen in the catalogue table; names are never removed from it, so this cannot go stale. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    TagCatalogue(EntityManager entityManager, PlatformTransactionManager transactionManager, Clock clock) {
        this.entityManager = entityManager;
        this.separate = new TransactionTemplate(transactionManager);
        this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Cleans and validates tag names as given by a user. */
    static List<String> clean(Collection<String> tags, String field) {
        Set<String> result = new LinkedHashSet<>();
        List<FieldProblem> problems = new ArrayList<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.strip();
            if (t.isEmpty()) {
                problems.add(new FieldProblem(field, "tags must not be blank"));
            } else if (t.length() > MAX_LENGTH) {
                problems.add(new FieldProblem(field, "tag '" + t.substring(0, 20) + "…' is longer than " + MAX_LENGTH + " characters"));
            } else if (t.chars().anyMatch(c -> c == ',' || Character.isISOControl(c))) {
                problems.add(new FieldProblem(field, "tag '" + t + "' must not contain commas or control characters"));
            } else {
                result.add(t);
            }
        }
        if (result.size() > MAX_PER_TICKET) {
            problems.add(new FieldProblem(field, "at most " + MAX_PER_TICKET + " tags"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
        return List.copyOf(result);
    }

    void ensure(Collection<String> names) {
        List<String> unknown = names.stream().filter(name -> !known.contains(name)).toList();
        if (unknown.isEmpty()) {
            return;
        }
        List<?> inCatalogue = entityManager.createNativeQuery("select name from tag where name in (:names)")
                .setParameter("names", unknown).getResultList();
        for (String name : unknown) {
            if (inCatalogue.contains(name)) {
                remember(name);
            } else {
                insert(name, clock.instant());
            }
        }
    }

    private void remember(String name) {
        if (known.size() < MAX_REMEMBERED) {
            known.add(name);
        }
    }

    public void add(String name) {
        insert(clean(List.of(name), "name").getFirst(), clock.instant());
    }

    private void insert(String name, Instant now) {
        try {
            separate.executeWithoutResult(status -> entityManager
                    .createNativeQuery("insert into tag (name, created_at) select :name, :now where not exists (select 1 from tag where name = :name)")
                    .setParameter("name", name)
                    .setParameter("now", now)
                    .executeUpdate());
        } catch (RuntimeException raced) {
            // another transaction added the same name a moment ago; it is in the catalogue either way
        }
    }

    /** Tag names in alphabetical order, paged by the last name seen. */
    @SuppressWarnings("unchecked")
    public List<String> list(String prefix, String after, int limit) {
        StringBuilder sql = new StringBuilder("select name from tag where 1 = 1");
        if (prefix != null && !prefix.isBlank()) {
            sql.append(" and name like :prefix");
        }
        if (after != null) {
            sql.append(" and name > :after");
        }
        sql.append(" order by name");
        var query = entityManager.createNativeQuery(sql.toString());
        if (prefix != null && !prefix.isBlank()) {
            query.setParameter("prefix", prefix.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (after != null) {
            query.setParameter("after", after);
        }
        return (List<String>) query.setMaxResults(limit).getResultList();
    }
}
