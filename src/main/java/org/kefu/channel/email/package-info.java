/**
 * The email channel: mailboxes polled over IMAP or piped in over the API become tickets and
 * customer messages, and agent replies go back out over SMTP, threaded, through a persistent outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Email channel")
package org.kefu.channel.email;
