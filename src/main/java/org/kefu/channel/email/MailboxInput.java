package org.kefu.channel.email;

/**
 * What an admin enters for a mailbox. A password left null or blank keeps the stored one; the
 * {@code clear...Password} flags remove it. Ports and security default to IMAPS 993 / SMTPS 465.
 */
public record MailboxInput(String name, String fromAddress, String imapHost, Integer imapPort, MailSecurity imapSecurity,
        String imapUser, String imapPassword, Boolean clearImapPassword, String imapFolder, String processedFolder,
        String smtpHost, Integer smtpPort, MailSecurity smtpSecurity, String smtpUser, String smtpPassword,
        Boolean clearSmtpPassword, Long departmentId, Long teamId, Integer pollIntervalSeconds, Boolean acknowledge,
        Boolean active) {
}
