package org.visitwise.agent.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.visitwise.agent.text.TextNormalizer;
import org.visitwise.agent.understanding.IntentModel;

class EmergencyDetectorTest {

    private static final EmergencyDetector DETECTOR = EmergencyDetector.forLanguages(List.of("en", "es"));

    private static Optional<String> kind(String text) {
        return DETECTOR.detect(text).map(EmergencyDetector.Finding::kind);
    }

    @Test
    void misspellingsAreReadAsMeant() {
        assertEquals(Optional.of("cardiac"), kind("really bad chset pian since this morning"));
        assertEquals(Optional.of("breathing"), kind("i cant breth"));
        assertEquals(Optional.of("stroke"), kind("think my mom is having a strok"));
    }

    @Test
    void anEmergencyWrappedInABookingIsStillOne() {
        assertEquals(Optional.of("cardiac"), kind("can I get in today, my chest is tight and my arm hurts"));
    }

    @Test
    void aPastEventMayProceedButNotOneHappeningNow() {
        assertEquals(Optional.empty(), kind("I had a stroke last year, I need my follow-up"));
        assertEquals(Optional.empty(), kind("follow up after my heart attack in March with dr smith"));
        assertEquals(Optional.of("stroke"), kind("I had a stroke last year and I think I'm having another one right now"));
        assertTrue(kind("my son just had a seizure").isPresent());
        assertEquals(Optional.of("stroke"), kind("tuve un derrame el año pasado y creo que le esta dando otro a mi esposo ahorita"));
        assertEquals(Optional.empty(), kind("tuve un infarto el año pasado y necesito mi cita de seguimiento"));
    }

    @Test
    void aNegatedSymptomIsNotOneButAnotherSymptomStillCounts() {
        assertEquals(Optional.empty(), kind("no chest pain or anything, just want a physical"));
        assertEquals(Optional.of("breathing"), kind("no chest pain but I can't breathe"));
    }

    @Test
    void idiomsAreNotCrises() {
        assertEquals(Optional.empty(), kind("this wait is killing me, can I get in sooner"));
        assertEquals(Optional.empty(), kind("rash from poison ivy, need the skin doctor"));
    }

    @Test
    void spanishIsCheckedWhateverTheConversationsLanguage() {
        var finding = DETECTOR.detect("siento una presion en el pecho que me baja al brazo");
        assertEquals("cardiac", finding.orElseThrow().kind());
        assertEquals("es", finding.orElseThrow().language());
        assertEquals(Optional.of("suicide"), kind("ya no quiero seguir viviendo"));
        assertEquals(Optional.of("child"), kind("mi bebe tiene los labios morados"));
    }

    @Test
    void aWordOfOneLanguageIsNotAnAlarmOfAnother() {
        assertEquals(Optional.of("stroke"), kind("I think my dad is having a TIA, his arm went weak"));
        assertEquals(Optional.empty(), kind("mi abuelo se fue a vivir con mi tía, cancelen su cita del lunes"));
    }

    @Test
    void theLearnedReaderIsASecondNetForWhatNoVocabularyHolds() {
        EmergencyDetector learnedOnly = new EmergencyDetector(List.of(), IntentModel.forLanguages(List.of("en", "es")));
        Optional<EmergencyDetector.Finding> finding = learnedOnly.detect("she took the whole bottle of her sleeping pills");
        assertEquals(Optional.of(new EmergencyDetector.Finding(EmergencyDetector.UNSPECIFIED, null)), finding,
                "recognised without a vocabulary; the conversation's language answers");
        assertEquals(Optional.empty(), learnedOnly.detect("could you squeeze me in for a follow-up next week"));
        assertEquals(Optional.empty(), learnedOnly.detect("necesito cambiar mi cita del jueves"));
    }

    @Test
    void theMessageIsInTheLanguageThatMatched() {
        assertFalse(DETECTOR.message("es").contains("emergency room"));
        assertEquals(DETECTOR.message("en"), DETECTOR.message("fr"), "a language without a message: the first");
    }

    @Test
    void aLanguageWithoutAVocabularyIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> EmergencyDetector.forLanguages(List.of("xx")));
    }

    @Test
    void distanceCountsASwapOfNeighboursAsOneEdit() {
        assertEquals(1, TextNormalizer.distance("pian", "pain", 1));
        assertEquals(1, TextNormalizer.distance("chset", "chest", 1));
        assertEquals(1, TextNormalizer.distance("brething", "breathing", 2));
        assertEquals(2, TextNormalizer.distance("brthing", "breathing", 2));
        assertEquals(2, TextNormalizer.distance("abc", "xyz", 1), "beyond the limit: limit + 1");
    }
}
