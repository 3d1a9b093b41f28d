package org.kefu.channel.email;

/** Where and how to connect to an IMAP or SMTP server, with the decrypted password; never leaves the module. */
record MailServer(String host, int port, MailSecurity security, String user, String password) {

    @Override
    public String toString() {
        return "MailServer[" + host + ":" + port + " " + security + " user=" + user + "]";
    }
}
