package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.visitwise.agent.safety.SafetyConfig;

class GuardrailsTest {

    static final SafetyConfig US_NUMBERS = new SafetyConfig() {
        @Override
        public String emergencyNumber() {
            return "911";
        }

        @Override
        public String crisisLine() {
            return "988";
        }

        @Override
        public String poisonControl() {
            return "1-800-222-1222";
        }

        @Override
        public List<String> languages() {
            return List.of("en", "es");
        }
    };

    private final Guardrails guardrails = new Guardrails(US_NUMBERS);

    @ParameterizedTest
    @ValueSource(strings = { "I have chest pain", "really bad CHEST PIAN since an hour", "my chest feels tight",
            "I can't breathe", "cant breath properly", "i cannot breathe", "shortness of breath and dizzy",
            "I think I'm having a stroke", "her face is drooping", "slurred speech suddenly",
            "numbness on one side of my body", "I feel suicidal", "im sucidal", "I want to kill myself",
            "i want to kil myself", "I want to end my life", "I want to die", "I took too many pills",
            "overdosed on my meds", "bleeding heavily after surgery", "my son is unconscious", "she is having a seizure",
            "my throat is swelling shut", "Chest pain — should I book?",
            "can I get in today, my chest is tight and my arm hurts", "my dads face looks droopy and hes talking funny",
            "i dont see the point anymore everyone would be better off without me", "my babys lips look bluish",
            "took the whole bottle of my sleeping pills", "im 30 weeks and bleeding a lot" })
    void emergenciesGetTheFixedMessageAndNoOptions(String text) {
        ChatReply reply = guardrails.check(text, "+1-617-555-0100").orElseThrow(() -> new AssertionError(text));
        assertEquals(guardrails.emergencyMessage("en"), reply.reply());
        assertTrue(reply.reply().contains("call 911") && reply.reply().contains("988") && reply.reply().contains("1-800-222-1222"));
        assertTrue(reply.options().isEmpty(), "no booking flow in an emergency");
    }

    @ParameterizedTest
    @ValueSource(strings = { "book a follow-up with Dr. Rivera", "cancel my appointment", "next tuesday afternoon",
            "what appointments do I have?", "I need a visit to go over my lab results", "this wait is killing me",
            "I had a stroke last year, I need my follow-up", "no chest pain or anything, just a physical",
            "I need an annual physical", "what times are open on Friday?", "yes", "S1" })
    void ordinarySchedulingTextPassesThrough(String text) {
        assertFalse(guardrails.check(text, null).isPresent(), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "should I take ibuprofen before the visit?", "what dose of metformin is right",
            "is it normal to have a rash", "what are my lab results", "do I have the flu" })
    void clinicalQuestionsAreRedirectedToThePractice(String text) {
        ChatReply reply = guardrails.check(text, "+1-617-555-0100").orElseThrow(() -> new AssertionError(text));
        assertTrue(reply.reply().contains("can't give medical advice"));
        assertTrue(reply.reply().contains("+1-617-555-0100"));
    }
}
