/**
 * Self-service bot (智能客服): answers customers from the published knowledge base in the chat widget, the portal
 * and the API, and hands the conversation to a person when it should (asked for, low confidence, anger, VIP,
 * repetition); reports what it answered, its hand-offs and the questions that have no good article.
 */
package org.kefu.bot;
