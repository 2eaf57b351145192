package org.visitwise.session;

import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;

import org.visitwise.security.Caller;

/**
 * One conversation, in memory only. Bound to the caller who opened it; handled one message at a
 * time; its engine state is dropped when it ends.
 */
public final class ChatSession {

    private final String id;
    private final Caller caller;
    private final Channel channel;
    private final Instant createdAt;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Instant lastActivity;
    private volatile Object engineState;
    private volatile String language;

    ChatSession(String id, Caller caller, Channel channel, Instant createdAt) {
        this.id = id;
        this.channel = channel;
        this.caller = caller.inSession(id);
        this.createdAt = createdAt;
        this.lastActivity = createdAt;
    }

    public String id() {
        return id;
    }

    /** The caller, with this session's id for audit correlation. */
    public Caller caller() {
        return caller;
    }

    /** How the patient reaches this conversation. */
    public Channel channel() {
        return channel;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastActivity() {
        return lastActivity;
    }

    void touch(Instant now) {
        lastActivity = now;
    }

    ReentrantLock lock() {
        return lock;
    }

    /** The engine's state for this conversation, created on first use. */
    @SuppressWarnings("unchecked")
    public <T> T engineState(java.util.function.Supplier<T> initial) {
        Object state = engineState;
        if (state == null) {
            state = initial.get();
            engineState = state;
        }
        return (T) state;
    }

    /** The engine's state, if there is one of that type. */
    public <T> java.util.Optional<T> engineStateIf(Class<T> type) {
        Object state = engineState;
        return type.isInstance(state) ? java.util.Optional.of(type.cast(state)) : java.util.Optional.empty();
    }

    /** The language the conversation is held in: the patient's last message's, at first the client's. */
    public String language() {
        return language;
    }

    public void language(String code) {
        language = code;
    }

    /** Forgets everything said in this conversation. */
    void clear() {
        engineState = null;
    }
}
