package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxPractice;

class PhiFirewallTest {

    /** The year the firewall is told it is: fixed, whatever year the test runs in. */
    private static final int THIS_YEAR = 2026;

    @Test
    void everySyntheticPatientsIdentifiersAreMasked() {
        for (var p : SandboxPractice.patients()) {
            String text = "Hi, I'm calling about my visit, DOB " + p.birthDate() + ", call me at " + p.phone()
                    + " or mail " + p.email() + ", I live at " + p.addressLine() + ". SSN 123-45-6789, MRN 00451234.";
            String masked = PhiFirewall.mask(text, THIS_YEAR);
            for (String phi : new String[] { p.birthDate(), p.phone(), p.email(), p.addressLine(), "123-45-6789", "00451234" }) {
                assertFalse(masked.contains(phi), phi + " survived in: " + masked);
            }
        }
    }

    @Test
    void otherFormsAreMaskedToo() {
        assertEquals("[birth date]", PhiFirewall.mask("born March 7 1941", THIS_YEAR));
        assertEquals("seen on [date] last", PhiFirewall.mask("seen on 03/07/1941 last", THIS_YEAR));
        assertEquals("call [phone] now", PhiFirewall.mask("call (617) 555-0123 now", THIS_YEAR));
        assertEquals("write to [email]", PhiFirewall.mask("write to a.b@c.org", THIS_YEAR));
    }

    @Test
    void schedulingWordsPassUntouched() {
        String text = "book a follow-up with Dr. Rivera next Tuesday afternoon, or Nov 25, or " + (THIS_YEAR + 1) + "-01-05 at 9:30";
        assertEquals(text, PhiFirewall.mask(text, THIS_YEAR));
    }
}
