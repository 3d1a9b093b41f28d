package org.kefu.portal.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kefu.ticket.NewTicket;
import org.springframework.web.multipart.MultipartFile;

/**
 * The portal's "submit a ticket" form as typed. {@link #problems} names each field that is not
 * right (by message key), so the page can show the form again with everything kept.
 */
record TicketForm(String email, String name, String subject, String description, String complaintType,
        String orderRef, String productRef, String demand, String demandDeadline, Long followUpOf) {

    static TicketForm empty() {
        return new TicketForm("", "", "", "", "", "", "", "", "", null);
    }

    /**
     * A new form with the subject and description filled in from a link (the bot's "still need help", a help-centre
     * article); cut to what the form accepts, so a crafted link cannot make the form unusable.
     */
    static TicketForm prefilled(String subject, String description) {
        return new TicketForm("", "", cut(subject, 500), cut(description, 20_000), "", "", "", "", "", null);
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return "";
        }
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }

    static TicketForm followUp(long closedTicketId, String subject) {
        return new TicketForm("", "", subject, "", "", "", "", "", "", closedTicketId);
    }

    /** Field name → message key of what is wrong with it; empty when the form can be submitted. */
    Map<String, String> problems(boolean anonymous, Set<String> activeComplaintTypes, List<MultipartFile> attachments,
            FileLimits limits, ZoneId zone, Clock clock) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (anonymous) {
            String mail = text(email);
            if (mail.isEmpty() || mail.length() > 320 || !mail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                problems.put("email", "portal.form.email.invalid");
            }
            if (text(name).length() > 200) {
                problems.put("name", "portal.form.tooLong");
            }
        }
        if (text(subject).isEmpty()) {
            problems.put("subject", "portal.form.required");
        } else if (text(subject).length() > 500) {
            problems.put("subject", "portal.form.tooLong");
        }
        if (text(description).isEmpty()) {
            problems.put("description", "portal.form.required");
        } else if (text(description).length() > 200_000) {
            problems.put("description", "portal.form.tooLong");
        }
        if (!text(complaintType).isEmpty() && !activeComplaintTypes.contains(complaintType)) {
            problems.put("complaintType", "portal.form.complaintType.invalid");
        }
        if (text(orderRef).length() > 200) {
            problems.put("orderRef", "portal.form.tooLong");
        }
        if (text(productRef).length() > 200) {
            problems.put("productRef", "portal.form.tooLong");
        }
        if (text(demand).length() > 4000) {
            problems.put("demand", "portal.form.tooLong");
        }
        if (!text(demandDeadline).isEmpty()) {
            Instant deadline = deadline(zone);
            if (deadline == null) {
                problems.put("demandDeadline", "portal.form.deadline.invalid");
            } else if (!deadline.isAfter(clock.instant())) {
                problems.put("demandDeadline", "portal.form.deadline.past");
            } else if (text(demand).isEmpty()) {
                problems.put("demand", "portal.form.demand.forDeadline");
            }
        }
        String files = limits.problem(attachments);
        if (files != null) {
            problems.put("attachments", files);
        }
        return problems;
    }

    /** The deadline date as the end of that day in the customer's time zone; null if it is no date. */
    Instant deadline(ZoneId zone) {
        if (text(demandDeadline).isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(demandDeadline.strip()).atTime(LocalTime.of(23, 59, 59)).atZone(zone).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    NewTicket toNewTicket(ZoneId zone) {
        return new NewTicket(text(subject), text(description), null, null, null, null, blankToNull(complaintType), null,
                blankToNull(demand), deadline(zone), blankToNull(productRef), blankToNull(orderRef), List.of(), Map.of(),
                null, null, null);
    }

    private static String text(String s) {
        return s == null ? "" : s.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
