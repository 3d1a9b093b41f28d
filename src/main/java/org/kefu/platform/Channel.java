package org.kefu.platform;

/** The ways a customer reaches the desk. */
public enum Channel {
    EMAIL, CHAT, PHONE, WEB, SOCIAL, API
}
