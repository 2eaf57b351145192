package org.visitwise.scheduling;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The holds of this instance, in memory only: never written anywhere, gone with the process (and
 * the sweeper releases the EHR side of expired ones).
 */
@ApplicationScoped
public class HoldRegistry {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Hold> holds = new ConcurrentHashMap<>();
    /**
     * Striped locks: one patient's holds are made one at a time (a patient holds one slot at most), and
     * so are the bookings with one idempotency key.
     */
    private final Object[] locks = new Object[256];

    HoldRegistry() {
        for (int i = 0; i < locks.length; i++) {
            locks[i] = new Object();
        }
    }

    /** The lock under which a patient's hold is replaced, or a key's booking made. */
    Object lockFor(String key) {
        return locks[Math.floorMod(key == null ? 0 : key.hashCode(), locks.length)];
    }

    static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "h-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    void put(Hold hold) {
        holds.put(hold.id(), hold);
    }

    /** The hold, if it exists and belongs to this patient. */
    Optional<Hold> get(String id, String patientId) {
        Hold hold = holds.get(id);
        return hold != null && hold.patientId().equals(patientId) ? Optional.of(hold) : Optional.empty();
    }

    /** The patient's active (not yet booked) hold, if any. */
    Optional<Hold> activeOf(String patientId) {
        return holds.values().stream().filter(h -> h.patientId().equals(patientId) && h.booked() == null).findFirst();
    }

    void remove(String id) {
        holds.remove(id);
    }

    void markBooked(String id, String appointmentId) {
        holds.computeIfPresent(id, (k, h) -> h.withBooked(appointmentId));
    }

    /** Holds whose time is up (booked ones are simply forgotten then). */
    List<Hold> expired(Instant now) {
        return holds.values().stream().filter(h -> !h.expiresAt().isAfter(now)).toList();
    }
}
