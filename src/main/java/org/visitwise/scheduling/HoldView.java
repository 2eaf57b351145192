package org.visitwise.scheduling;

import java.time.Instant;

/**
 * A slot held for the caller while they confirm.
 *
 * @param holdId    opaque id to book or release the hold with
 * @param expiresAt when the hold is released unless booked
 * @param slot      the slot held
 */
public record HoldView(String holdId, Instant expiresAt, SlotView slot) {
}
