package org.visitwise.support;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.visitwise.sandbox.SandboxPractice;
import org.visitwise.sandbox.SandboxPractice.SyntheticPatient;

/**
 * The synthetic patients' identifiers as canaries: given everything the process emitted, lists every
 * place where any of them turned up. Sinks are named ("application log", "audit stream", ...); replies
 * to a patient are checked separately, for the other patients' identifiers only.
 */
public final class PhiCanaries {

    private final Map<String, String> sinks = new LinkedHashMap<>();
    private final Map<String, StringBuilder> replies = new LinkedHashMap<>();

    public PhiCanaries sink(String name, String content) {
        sinks.merge(name, content, (a, b) -> a + "\n" + b);
        return this;
    }

    /** What the agent answered to this patient (their own identifiers may appear there). */
    public PhiCanaries reply(String patientId, String content) {
        replies.computeIfAbsent(patientId, p -> new StringBuilder()).append(content).append('\n');
        return this;
    }

    /** Every synthetic identifier of every patient: names, birth date, phone, e-mail, address, FHIR id. */
    public static List<String> identifiers(SyntheticPatient p) {
        return List.of(p.family(), p.fullName(), p.birthDate(), p.phone(), p.email(), p.addressLine(), p.id());
    }

    public void assertNoneLeaked() {
        List<String> found = new ArrayList<>();
        for (SyntheticPatient p : SandboxPractice.patients()) {
            for (String phi : identifiers(p)) {
                sinks.forEach((sink, content) -> {
                    if (content.contains(phi)) {
                        found.add(p.id() + " in " + sink + ": " + kind(p, phi));
                    }
                });
                replies.forEach((to, content) -> {
                    if (!to.equals(p.id()) && content.toString().contains(phi)) {
                        found.add(p.id() + " in a reply to " + to + ": " + kind(p, phi));
                    }
                });
            }
        }
        assertTrue(!sinks.isEmpty(), "nothing was captured");
        assertTrue(found.isEmpty(), "synthetic PHI leaked: " + found);
    }

    private static String kind(SyntheticPatient p, String phi) {
        return phi.equals(p.id()) ? "FHIR id" : phi.equals(p.phone()) ? "phone" : phi.equals(p.email()) ? "e-mail"
                : phi.equals(p.birthDate()) ? "birth date" : phi.equals(p.addressLine()) ? "address" : "name";
    }
}
