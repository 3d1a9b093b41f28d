package org.kefu.channel.email;

/** How a connection to a mail server is protected. */
public enum MailSecurity {
    /** TLS from the first byte (IMAPS 993, SMTPS 465) */
    SSL,
    /** plain connection upgraded with STARTTLS, which is then required (IMAP 143, submission 587) */
    STARTTLS,
    /** no encryption: only for a server on the same host or in tests */
    NONE
}
