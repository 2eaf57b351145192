package org.visitwise.agent.dialogue;

import java.util.List;

import org.visitwise.agent.QuickReply;
import org.visitwise.agent.tools.ConversationTools.Criteria;
import org.visitwise.agent.tools.ToolState;
import org.visitwise.agent.understanding.Intent;

/** Where a structured conversation stands. Lives in its session, in memory only. */
final class Flow {

    enum Step {
        MENU, VISIT_TYPE, SLOTS, CONFIRM_BOOK, PICK_CANCEL, CONFIRM_CANCEL, PICK_RESCHEDULE, CONFIRM_RESCHEDULE
    }

    Step step = Step.MENU;
    /** What the patient is doing, as last understood. */
    Intent intent;
    /** What to look for: for a reschedule, where to move to. */
    Criteria criteria = Criteria.none();
    /** True while choosing a new time for {@link #appointmentHandle}. */
    boolean rescheduling;
    String appointmentHandle;
    String slotHandle;
    /** The quick replies last offered: a choice must be one of them. */
    List<QuickReply> options = List.of();
    /** Handles shown and the hold, shared with the tools. */
    final ToolState tools = new ToolState();

    void reset(Intent now, Criteria wanted) {
        intent = now;
        criteria = wanted;
        rescheduling = false;
        appointmentHandle = null;
        slotHandle = null;
    }

    boolean booking() {
        return step == Step.VISIT_TYPE || step == Step.SLOTS || step == Step.CONFIRM_BOOK;
    }

    boolean confirming() {
        return step == Step.CONFIRM_BOOK || step == Step.CONFIRM_CANCEL || step == Step.CONFIRM_RESCHEDULE;
    }
}
