package org.kefu.channel.phone;

public enum CallDirection {
    INBOUND, OUTBOUND
}
