package org.visitwise.agent;

import java.util.List;

import org.visitwise.scheduling.AppointmentView;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the agent answers.
 *
 * @param reply       text for the patient
 * @param options     quick replies, so that the patient never has to type personal details
 * @param appointment the appointment just booked, changed or cancelled, if any
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatReply(String reply, List<QuickReply> options, AppointmentView appointment) {

    public ChatReply {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static ChatReply of(String reply, List<QuickReply> options) {
        return new ChatReply(reply, options, null);
    }
}
