package org.visitwise.agent.llm;

import java.time.Clock;
import java.time.Year;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.visitwise.agent.PhiFirewall;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;

/**
 * What the model may not tell the patient, checked on every answer before the patient sees it: that
 * something was booked, cancelled or moved when no tool did it this turn; anything that looks like a
 * person's identifier (a FHIR patient reference, an e-mail address, a phone number, a birth date —
 * the model sees none of the patient's own, so any is someone else's or made up); or medical advice
 * (doses, telling to take or stop a medicine). A refused answer ends the turn with nothing more changed.
 */
@ApplicationScoped
public class ReplyGuardrail implements OutputGuardrail {

    /** "Booked!", "I've cancelled it", "it is now moved", "quedó reservada" — not "nothing is booked yet". */
    private static final Pattern CLAIMS_A_CHANGE = Pattern.compile(
            "(?:^|[.!?]\\s+)(?:booked|cancel+ed|moved|rescheduled|reservad[ao]|cancelad[ao]|listo)\\b"
                    + "|\\b(?:i|we)(?:'ve| have)? (?:just )?(?:booked|cancel+ed|moved|rescheduled)\\b"
                    + "|(?<!nothing )\\b(?:is|are|has been|have been|was|were)(?: now)? (?:booked|cancel+ed|moved|rescheduled)\\b"
                    + "|\\b(?:qued[oó]|est[aá]|fue|ha sido)(?: ya)? (?:reservad|cancelad|cambiad|reprogramad)[ao]\\b"
                    + "|\\b(?:he|hemos|ya) (?:reservado|cancelado|cambiado|reprogramado)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PATIENT_REFERENCE = Pattern.compile("\\bPatient/|\\bpatient[=:]\\s*\\S", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADVICE = Pattern.compile(
            "\\b\\d+(?:[.,]\\d+)?\\s?(?:mg|mcg|milligrams?|ml|cc|units?)\\b"
                    + "|\\byou (?:should|can|could|may) (?:take|stop|double|increase|decrease|skip)\\b"
                    + "|\\b(?:tome|deje de tomar|duplique) (?:la|el|su|sus)\\b", Pattern.CASE_INSENSITIVE);

    private final CurrentConversation conversation;
    private final Clock clock;

    ReplyGuardrail(CurrentConversation conversation, Clock clock) {
        this.conversation = conversation;
        this.clock = clock;
    }

    /** Whether the answer tells the patient something was booked, cancelled or moved. */
    static boolean claimsAChange(String answer) {
        return CLAIMS_A_CHANGE.matcher(answer).find();
    }

    @Override
    public OutputGuardrailResult validate(AiMessage message) {
        String text = message.text() == null ? "" : message.text();
        if (claimsAChange(text) && conversation.state().tools.changed().isEmpty()) {
            return fatal("the answer claims a change no tool made this turn");
        }
        if (PATIENT_REFERENCE.matcher(text).find() || !PhiFirewall.mask(text, Year.now(clock).getValue()).equals(text)) {
            return fatal("the answer holds an identifier");
        }
        if (ADVICE.matcher(text).find()) {
            return fatal("the answer gives medical advice");
        }
        return success();
    }
}
