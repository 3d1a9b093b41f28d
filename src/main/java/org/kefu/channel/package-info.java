/**
 * Channels: small adapters that turn outside input (email, live chat, phone calls, webhooks of
 * social apps) into customer messages on tickets, and send agents' replies back the way the
 * customer came. One sub-package per channel.
 */
package org.kefu.channel;
