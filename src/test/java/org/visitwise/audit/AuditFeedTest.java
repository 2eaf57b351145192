package org.visitwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class AuditFeedTest {

    private static final Instant T0 = Instant.parse("2026-12-02T15:00:00Z");

    private static AuditEvent event(String type, String subtype, String actor, long seq) {
        return new AuditEvent(T0.plusSeconds(seq), type, subtype, "E", AuditOutcome.SUCCESS, actor, null, null, null,
                null, null, null, null, null, null, "test", null, null, null);
    }

    @Test
    void badTokensFromOutsideCannotPushOutTheEventsThatMatter() {
        AuditFeed feed = new AuditFeed(5, 3);
        feed.append(1, event("rest", "read", "subject-1", 1));
        feed.append(2, event("scheduling", "book", "subject-1", 2));
        for (long seq = 3; seq <= 2002; seq++) {
            feed.append(seq, event("security", "login-failure", null, seq));
        }
        feed.append(2003, event("scheduling", "cancel", "subject-2", 2003));

        List<AuditFeed.Entry> all = feed.after(0, 100);
        assertEquals(List.of(1L, 2L, 2000L, 2001L, 2002L, 2003L), all.stream().map(AuditFeed.Entry::seq).toList(),
                "the accesses and changes, and the newest refusals, in chain order");
        assertEquals(2003, feed.lastSeq());
        assertEquals(List.of(2001L, 2002L), feed.after(2000, 2).stream().map(AuditFeed.Entry::seq).toList());
    }

    @Test
    void onlyRefusalsWithoutAVerifiedIdentityAreNoise() {
        assertTrue(AuditFeed.isNoise(event("security", "login-failure", null, 1)));
        assertTrue(AuditFeed.isNoise(event("security", "access-denied", null, 1)));
        assertEquals(false, AuditFeed.isNoise(event("security", "access-denied", "subject-1", 1)),
                "a signed-in user's denial is kept with what matters");
        assertEquals(false, AuditFeed.isNoise(event("rest", "read", null, 1)));
    }

    @Test
    void theRealEventsStillRollWhenTheirOwnBufferIsFull() {
        AuditFeed feed = new AuditFeed(2, 2);
        for (long seq = 1; seq <= 5; seq++) {
            feed.append(seq, event("rest", "read", "subject-1", seq));
        }
        assertEquals(List.of(4L, 5L), feed.since(T0, 10).stream().map(AuditFeed.Entry::seq).toList());
    }
}
