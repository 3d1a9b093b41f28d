/**
 * Generic webhook channel for gateways of WeChat, Weibo, WhatsApp or an app's feedback form:
 * signed JSON messages in, signed agent replies out to the channel's callback URL.
 */
package org.kefu.channel.webhook;
