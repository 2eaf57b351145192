package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.visitwise.agent.safety.SafetyConfig;
import org.visitwise.agent.understanding.Intent;
import org.visitwise.agent.understanding.Practice;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.agent.wording.Wording;

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

    private static final Understander UNDERSTANDER = Understander.forLanguages(List.of("en", "es"));
    private final Guardrails guardrails = new Guardrails(US_NUMBERS, Wording.forLanguages(List.of("en", "es")));

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
    void emergenciesAreRecognisedAndGetTheMessageWithThePracticesNumbers(String text) {
        var finding = guardrails.emergency(text).orElseThrow(() -> new AssertionError(text));
        String message = guardrails.emergencyMessage(finding.language());
        assertTrue(message.contains("call 911") && message.contains("988") && message.contains("1-800-222-1222"), message);
    }

    @Test
    void aSpanishEmergencyGetsTheSpanishMessage() {
        var finding = guardrails.emergency("mi bebé tiene los labios morados").orElseThrow();
        assertEquals("es", finding.language());
        assertNotEquals(guardrails.emergencyMessage("en"), guardrails.emergencyMessage("es"));
        assertTrue(guardrails.emergencyMessage("es").contains("911"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "book a follow-up with Dr. Rivera", "cancel my appointment", "next tuesday afternoon",
            "what appointments do I have?", "I need a visit to go over my lab results", "this wait is killing me",
            "I had a stroke last year, I need my follow-up", "no chest pain or anything, just a physical",
            "I need an annual physical", "what times are open on Friday?", "yes", "S1" })
    void ordinarySchedulingTextIsNeitherAnEmergencyNorAClinicalQuestion(String text) {
        assertFalse(guardrails.emergency(text).isPresent(), text);
        assertNotEquals(Intent.CLINICAL, intent(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = { "should I take ibuprofen before the visit?", "what dose of metformin is right",
            "is it normal to have a rash", "what are my lab results", "do I have the flu",
            "¿puedo tomar ibuprofeno antes de la cita?" })
    void clinicalQuestionsAreRedirectedToThePractice(String text) {
        assertEquals(Intent.CLINICAL, intent(text), text);
        ChatReply en = guardrails.clinicalRedirect("en", "+1-617-555-0100");
        assertTrue(en.reply().contains("can't give medical advice") && en.reply().contains("+1-617-555-0100"), en.reply());
        ChatReply es = guardrails.clinicalRedirect("es", "+1-617-555-0100");
        assertTrue(es.reply().contains("consejos médicos") && es.reply().contains("+1-617-555-0100"), es.reply());
        assertEquals(List.of("book", "list", "cancel", "reschedule"), en.options().stream().map(QuickReply::id).toList());
    }

    private static Intent intent(String text) {
        return UNDERSTANDER.understand(text, "en", new Practice(List.of(), List.of(), List.of("follow-up")),
                LocalDate.of(2026, 12, 2), Optional::empty).intent();
    }
}
