package org.kefu.automation;

/** What a macro does with its template: nothing, put it into the composer, send it to the customer, or add it as an internal note. */
public enum MacroReplyMode {
    NONE, INSERT, SEND, NOTE
}
