/**
 * What both services' email senders need alike: their configured sender address, checked at start,
 * and a one-line account of why a send failed, for the row that schedules its retry.
 */
package dev.ebayalerts.pubsub.mail;
