/**
 * Links both services put in emails and alerts-service reads back: their settings, the signed
 * unsubscribe link, and the check on listing URLs before they become links.
 */
package dev.ebayalerts.pubsub.links;
