package org.kefu.channel.email;

/**
 * Decodes raw RFC 5322 bytes into a {@link ParsedMail}. Implementations never throw on bad input:
 * broken MIME yields a mail with what could be read and the rest listed in its problems.
 */
interface MailParser {

    ParsedMail parse(byte[] raw);
}
