package org.kefu.channel.webhook;

/** Where a webhook channel's messages come from; a label for agents and reports. */
public enum WebhookSource {
    WECHAT, WEIBO, WHATSAPP, APP, OTHER
}
