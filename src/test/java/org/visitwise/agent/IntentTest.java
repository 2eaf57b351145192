package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IntentTest {

    @ParameterizedTest
    @CsvSource({ "cancel my appointment,CANCEL", "Please cancel the visit on friday,CANCEL",
            "I need to reschedule,RESCHEDULE", "can we move my appointment,RESCHEDULE",
            "book with Dr. Rivera next Tuesday afternoon,BOOK", "I want to schedule a physical,BOOK",
            "I need a new appointment,BOOK", "when is my appointment?,LIST", "show my appointments,LIST",
            "yes,YES", "Yes please,YES", "no,NO", "hello there,UNKNOWN" })
    void keywordsGiveTheIntent(String text, Intent expected) {
        assertEquals(expected, Intent.of(text));
    }
}
