package org.visitwise.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PseudonymizerTest {

    private static final String KEY = "k".repeat(32);

    @Test
    void sameReferenceGivesSamePseudonymUnderOneKey() {
        Pseudonymizer p = new Pseudonymizer(KEY);
        assertEquals(p.pseudonym("Patient/pat-001"), p.pseudonym("Patient/pat-001"));
        assertNotEquals(p.pseudonym("Patient/pat-001"), p.pseudonym("Patient/pat-002"));
    }

    @Test
    void pseudonymDependsOnTheKeyAndHidesTheId() {
        String a = new Pseudonymizer(KEY).pseudonym("Patient/pat-001");
        String b = new Pseudonymizer("x".repeat(32)).pseudonym("Patient/pat-001");
        assertNotEquals(a, b);
        assertFalse(a.contains("pat-001"));
        assertTrue(a.matches("hmac:[0-9a-f]{32}"));
    }

    @Test
    void shortKeyIsRefused() {
        assertThrows(IllegalStateException.class, () -> new Pseudonymizer("too-short"));
        assertThrows(IllegalStateException.class, () -> new Pseudonymizer((String) null));
    }
}
