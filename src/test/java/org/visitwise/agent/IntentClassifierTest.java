package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IntentClassifierTest {

    /** Paraphrases that share no keyword with the rules: only the embedding model can read them. */
    private static final Map<String, Intent> PARAPHRASES = Map.ofEntries(
            Map.entry("I won't make it on Thursday", Intent.CANCEL),
            Map.entry("sorry but I can't come anymore", Intent.CANCEL),
            Map.entry("could I come in sometime next week", Intent.BOOK),
            Map.entry("I'd like to see the doctor about my knee", Intent.BOOK),
            Map.entry("what have I got coming up", Intent.LIST),
            Map.entry("when am I seeing the doctor again", Intent.LIST),
            Map.entry("can we push it back a couple of days", Intent.RESCHEDULE),
            Map.entry("a later time would suit me better", Intent.RESCHEDULE));

    /**
     * The application's own classifier: the model's native libraries can be loaded by one class
     * loader per JVM, so the test uses the instance the application under test loaded.
     */
    @Inject
    IntentClassifier classifier;

    @Test
    void paraphrasesAreReadRightOrNotAtAllAndMostlyRight() {
        int recognised = 0;
        for (var e : PARAPHRASES.entrySet()) {
            Intent got = classifier.classify(e.getKey());
            assertTrue(got == e.getValue() || got == Intent.UNKNOWN, e.getKey() + " read as " + got);
            recognised += got == e.getValue() ? 1 : 0;
        }
        assertTrue(recognised >= 6, "recognised " + recognised + " of " + PARAPHRASES.size());
    }

    @Test
    void keywordsStillDecideClearCases() {
        assertEquals(Intent.YES, classifier.classify("yes"));
        assertEquals(Intent.NO, classifier.classify("no"));
        assertEquals(Intent.CANCEL, classifier.classify("cancel my appointment"));
        assertEquals(Intent.UNKNOWN, classifier.classify("the weather is nice today"));
    }

    @Test
    void withoutTheModelKeywordsDecide() {
        IntentClassifier keywordsOnly = new IntentClassifier(null);
        assertEquals(Intent.BOOK, keywordsOnly.classify("book with Dr. Rivera"));
        assertEquals(Intent.UNKNOWN, keywordsOnly.classify("I won't make it on Thursday"));
    }
}
