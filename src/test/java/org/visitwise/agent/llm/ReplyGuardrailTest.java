package org.visitwise.agent.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplyGuardrailTest {

    @ParameterizedTest
    @ValueSource(strings = { "Booked!", "Booked! See you then.", "All set. Cancelled.", "I've booked S1 for you.",
            "Your appointment is now moved to Friday.", "It has been rescheduled.", "Listo, quedó reservada.",
            "Ya he cancelado su cita.", "La cita fue cambiada al martes." })
    void anAnswerThatTellsOfAChangeIsAClaim(String answer) {
        assertTrue(ReplyGuardrail.claimsAChange(answer), answer);
    }

    @ParameterizedTest
    @ValueSource(strings = { "Nothing is booked yet. Shall I book S1?", "I can move it to S2 if you confirm.",
            "Holding S1. Shall I book it?", "Which appointment should be cancelled, A1 or A2?", "Done as you asked.",
            "¿Desea que la reserve?", "No se ha cancelado nada." })
    void aQuestionOrAnOfferIsNot(String answer) {
        assertFalse(ReplyGuardrail.claimsAChange(answer), answer);
    }
}
