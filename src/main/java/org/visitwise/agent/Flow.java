package org.visitwise.agent;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.visitwise.scheduling.PartOfDay;

/** Where a structured conversation stands. Lives in its session, in memory only. */
final class Flow {

    enum Step {
        MENU, VISIT_TYPE, SLOTS, CONFIRM_BOOK, PICK_CANCEL, CONFIRM_CANCEL, PICK_RESCHEDULE, CONFIRM_RESCHEDULE
    }

    Step step = Step.MENU;
    String visitType;
    String practitionerId;
    LocalDate from;
    /** The practice's day of the last time offered: "later dates" search from the day after. */
    LocalDate lastOfferedDay;
    PartOfDay partOfDay;
    /** Quick-reply id to the slot or appointment id it stands for. */
    final Map<String, String> offers = new LinkedHashMap<>();
    /** The quick replies last offered: a choice must be one of them. */
    List<QuickReply> options = List.of();
    String holdId;
    String slotId;
    String appointmentId;
    /** True while choosing a new time for {@link #appointmentId}. */
    boolean rescheduling;

    void resetCriteria() {
        visitType = null;
        practitionerId = null;
        from = null;
        lastOfferedDay = null;
        partOfDay = null;
        rescheduling = false;
        appointmentId = null;
        slotId = null;
    }
}
