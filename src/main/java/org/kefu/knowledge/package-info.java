/**
 * Knowledge base (知识库): articles with categories, tags, language variants, versions and a public help centre;
 * suggestions on the ticket page and passages for the self-service bot.
 */
package org.kefu.knowledge;
