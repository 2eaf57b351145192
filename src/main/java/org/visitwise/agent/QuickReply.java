package org.visitwise.agent;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A button the patient can press instead of typing.
 *
 * @param id    what to send back as the choice
 * @param label what the button says
 * @param start for a time on offer or an appointment: when it starts, with the practice's UTC offset
 *              (so that a page can show it in the patient's own format); absent otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuickReply(String id, String label, String start) {

    public QuickReply(String id, String label) {
        this(id, label, null);
    }
}
