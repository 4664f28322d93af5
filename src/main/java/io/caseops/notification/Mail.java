package io.caseops.notification;

import java.util.List;

/**
 * One mail to queue: who gets it, and the rendered subject and bodies. {@code dedupeKey} names the
 * notice (case, event, sequence): the outbox never queues the same key twice.
 */
record Mail(
    String dedupeKey,
    String caseNumber,
    String event,
    List<String> to,
    List<String> cc,
    String subject,
    String text,
    String html) {}
