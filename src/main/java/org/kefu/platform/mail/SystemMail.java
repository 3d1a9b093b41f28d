package org.kefu.platform.mail;

/**
 * Mail the desk itself sends to a person (a sign-in link, an invitation), as opposed to ticket
 * replies, which go out through their channel. With {@code spring.mail.host} set it goes out
 * through that SMTP server; otherwise (the embedded default) it is written to the log and to
 * {@code ${kefu.data-dir}/outbox/} as an .eml file.
 */
public interface SystemMail {

    void send(String to, String subject, String textBody);
}
