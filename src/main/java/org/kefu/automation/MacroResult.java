package org.kefu.automation;

import java.util.List;

/**
 * What applying a macro did: the reply it sent or noted (entry id), or the text to put into the
 * composer (INSERT), and the placeholders that text still holds.
 */
public record MacroResult(long macroId, long ticketId, Long entryId, String insertText, List<String> missing) {
}
