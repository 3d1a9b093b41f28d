package org.kefu.channel.phone;

/** How a call ended. */
public enum CallOutcome {
    ANSWERED, MISSED, VOICEMAIL, CALLBACK_REQUESTED, BUSY, FAILED
}
