package org.kefu.automation;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.kefu.platform.Actor;
import org.kefu.platform.web.Times;
import org.kefu.ticket.Ticket;
import org.kefu.ticket.TicketWork;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills a template in for a real ticket the agent may see, in the customer's language (their
 * preferred language if the template is written in it, else Simplified Chinese), and counts the use.
 */
@Service
@Transactional
public class RenderingTemplates {

    private final ManagingTemplates managing;
    private final Templates templates;
    private final TicketWork work;
    private final Times times;
    private final Clock clock;

    RenderingTemplates(ManagingTemplates managing, Templates templates, TicketWork work, Times times, Clock clock) {
        this.managing = managing;
        this.templates = templates;
        this.work = work;
        this.times = times;
        this.clock = clock;
    }

    /** Renders for the ticket and counts one use by the actor. {@code language} null: the customer's. */
    public RenderedTemplate use(long ticketId, long templateId, TemplateLanguage language, Actor actor, Locale ui) {
        RenderedTemplate rendered = render(ticketId, templateId, language, actor, ui);
        templates.countUse(templateId, actor.id(), clock.instant());
        return rendered;
    }

    @Transactional(readOnly = true)
    public RenderedTemplate render(long ticketId, long templateId, TemplateLanguage language, Actor actor, Locale ui) {
        TicketFacts facts = facts(ticketId, actor);
        ReplyTemplate template = managing.get(templateId, actor);
        TemplateLanguage variant = template.variantFor(language != null ? language : TemplateLanguage.of(facts.customerLanguage()));
        return render(template, facts, variant, ui);
    }

    /** The template filled with an example ticket, for the editor's preview. */
    public RenderedTemplate preview(String body, TemplateLanguage language, Actor actor) {
        TicketFacts sample = TicketFacts.sample(language, actor.name(), clock.instant());
        var r = TemplateRenderer.render(body, sample.values(language, zone(), clock.instant()), language);
        return new RenderedTemplate(0, "", language, r.text(), r.html(), r.missing());
    }

    RenderedTemplate render(ReplyTemplate template, TicketFacts facts, TemplateLanguage variant, Locale ui) {
        var r = TemplateRenderer.render(template.body(variant), facts.values(variant, zone(), clock.instant()), variant);
        return new RenderedTemplate(template.id(), template.displayName(ui), variant, r.text(), r.html(), r.missing());
    }

    @Transactional(readOnly = true)
    public TicketFacts facts(long ticketId, Actor actor) {
        Ticket t = work.get(ticketId, actor);
        return new TicketFacts(t.getCustomer().getName(), t.getCustomer().getPreferredLanguage(), t.getNumber(), t.getSubject(),
                t.getOrderRef(), t.getProductRef(), t.getDemand(), t.getDemandDeadline(), actor.name(), t.getCustomFields());
    }

    private ZoneId zone() {
        return times.zone();
    }
}
