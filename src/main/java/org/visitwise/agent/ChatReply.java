package org.visitwise.agent;

import java.util.List;

import org.visitwise.agent.understanding.Understood;
import org.visitwise.scheduling.AppointmentView;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the agent answers.
 *
 * @param reply       text for the patient, in the conversation's language
 * @param options     quick replies, so that the patient never has to type personal details
 * @param appointment the appointment just booked, changed or cancelled, if any
 * @param understood  what the agent understood of the request (intent, practitioner, days, time of
 *                    day, language…): directory ids and codes only, for the page to show and correct
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatReply(String reply, List<QuickReply> options, AppointmentView appointment, Understood understood) {

    public ChatReply {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static ChatReply of(String reply, List<QuickReply> options) {
        return new ChatReply(reply, options, null, null);
    }

    public ChatReply withAppointment(AppointmentView changed) {
        return new ChatReply(reply, options, changed, understood);
    }

    public ChatReply withUnderstood(Understood what) {
        return new ChatReply(reply, options, appointment, what);
    }
}
