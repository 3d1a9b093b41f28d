package org.kefu.ticket;

/** The kinds of event entries on a timeline. */
public final class TicketEventType {

    public static final String CREATED = "CREATED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String PRIORITY_CHANGED = "PRIORITY_CHANGED";
    public static final String ASSIGNED = "ASSIGNED";
    public static final String FIELD_CHANGED = "FIELD_CHANGED";
    public static final String TAGS_CHANGED = "TAGS_CHANGED";
    public static final String MERGED_INTO = "MERGED_INTO";
    public static final String MERGED_FROM = "MERGED_FROM";
    public static final String LINKED = "LINKED";
    public static final String UNLINKED = "UNLINKED";
    public static final String CUSTOMER_CHANGED = "CUSTOMER_CHANGED";
    /** Written by another module through {@link TicketWork#recordNotice}; data holds key, args and level. */
    public static final String NOTICE = "NOTICE";

    private TicketEventType() {
    }
}
