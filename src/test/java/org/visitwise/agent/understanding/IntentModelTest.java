package org.visitwise.agent.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class IntentModelTest {

    private static final List<String> LANGUAGES = List.of("en", "es");
    private static final IntentModel MODEL = IntentModel.forLanguages(LANGUAGES);

    @Test
    void trainingIsDeterministicSoEveryStartReadsAlike() {
        List<LanguageData> languages = LANGUAGES.stream().map(LanguageData::load).toList();
        IntentModel again = IntentModel.train(languages,
                LANGUAGES.stream().flatMap(l -> IntentModel.examples(l).stream()).toList());
        for (String text : List.of("could you squeeze me in sometime soon", "what have i got coming up",
                "no puedo ir el jueves", "is it ok to take ibuprofen with my blood pressure pills?")) {
            assertEquals(MODEL.predict(text), again.predict(text), text);
        }
    }

    @Test
    void readsPhrasingsFromWhatItLearnedInBothLanguages() {
        assertEquals(Intent.BOOK, MODEL.predict("could you squeeze me in sometime soon").intent());
        assertEquals(Intent.LIST, MODEL.predict("what have i got coming up").intent());
        assertEquals(Intent.CANCEL, MODEL.predict("ya no voy a ir a mi cita, cancelenla porfa").intent());
    }

    @Test
    void confidenceAndTheEmergencyShareAreProbabilities() {
        IntentModel.Prediction p = MODEL.predict("");
        assertTrue(p.confidence() > 0 && p.confidence() <= 1, "" + p);
        assertTrue(p.emergency() >= 0 && p.emergency() < 0.5, "" + p);
        assertTrue(MODEL.predict((String) null).confidence() > 0, "no text is read as an empty one");
    }

    @Test
    void theLearnedReaderDecidesOnlyWhereTheCuesAreUnsureOrItIsVerySure() {
        IntentReader.Verdict strong = new IntentReader.Verdict(Intent.CANCEL, IntentReader.STRONG);
        IntentReader.Verdict weak = new IntentReader.Verdict(Intent.CANCEL, IntentReader.WEAK);
        assertFalse(Understander.decides(strong, new IntentModel.Prediction(Intent.LIST, 0.8, 0)));
        assertTrue(Understander.decides(strong, new IntentModel.Prediction(Intent.LIST, 0.95, 0)));
        assertTrue(Understander.decides(weak, new IntentModel.Prediction(Intent.LIST, 0.4, 0)));
        assertFalse(Understander.decides(weak, new IntentModel.Prediction(Intent.EMERGENCY, 0.99, 0.99)),
                "an alarm is the emergency detector's to raise");
    }

    @Test
    void aLanguageWithoutExamplesIsRefusedAtStartUp() {
        assertThrows(IllegalStateException.class, () -> IntentModel.examples("xx"));
    }
}
