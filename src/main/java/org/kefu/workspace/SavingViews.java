package org.kefu.workspace;

import java.time.Clock;
import java.util.List;
import org.kefu.platform.Actor;
import org.kefu.platform.ConflictException;
import org.kefu.platform.InvalidRequestException;
import org.kefu.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates, renames, changes and deletes an agent's saved views; another agent's view does not exist (404). */
@Service
@Transactional
public class SavingViews {

    static final int MAX_VIEWS = 50;
    static final int MAX_NAME = 80;

    private final SavedViews views;
    private final Clock clock;

    SavingViews(SavedViews views, Clock clock) {
        this.views = views;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<SavedView> mine(Actor actor) {
        return views.findByAgentIdOrderByNameAsc(actor.id());
    }

    @Transactional(readOnly = true)
    public SavedView get(long id, Actor actor) {
        return views.findByIdAndAgentId(id, actor.id()).orElseThrow(() -> new NotFoundException("Saved view", id));
    }

    public SavedView create(String name, ViewFilters filters, Actor actor) {
        String clean = name(name);
        filters.validated();
        if (views.countByAgentId(actor.id()) >= MAX_VIEWS) {
            throw InvalidRequestException.of("name", "you already have " + MAX_VIEWS + " saved views; delete one first");
        }
        ensureFree(clean, null, actor);
        return views.save(new SavedView(actor.id(), clean, filters, clock.instant()));
    }

    /** Renames and/or refilters; a null name or null filters keep what is there. */
    public SavedView change(long id, String name, ViewFilters filters, Actor actor) {
        SavedView view = get(id, actor);
        if (name != null) {
            String clean = name(name);
            ensureFree(clean, id, actor);
            view.rename(clean, clock.instant());
        }
        if (filters != null) {
            view.refilter(filters.validated(), clock.instant());
        }
        return view;
    }

    public void delete(long id, Actor actor) {
        views.delete(get(id, actor));
    }

    private void ensureFree(String name, Long owner, Actor actor) {
        views.findByAgentIdAndName(actor.id(), name).ifPresent(existing -> {
            if (!existing.getId().equals(owner)) {
                throw new ConflictException("You already have a saved view named " + name + ".");
            }
        });
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw InvalidRequestException.of("name", "must not be blank");
        }
        String clean = name.strip();
        if (clean.length() > MAX_NAME) {
            throw InvalidRequestException.of("name", "must be at most " + MAX_NAME + " characters");
        }
        return clean;
    }
}
