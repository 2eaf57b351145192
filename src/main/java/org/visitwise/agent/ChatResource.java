package org.visitwise.agent;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.visitwise.scheduling.PracticeDirectory;
import org.visitwise.security.Caller;
import org.visitwise.security.CallerResolver;
import org.visitwise.security.Roles;
import org.visitwise.session.ChatSession;
import org.visitwise.session.SessionConfig;
import org.visitwise.session.SessionStore;

/** The chat API: open a conversation, talk in it (text or quick replies), end it. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PATIENT, Roles.FRONT_DESK })
@Tag(name = "Conversation")
public class ChatResource {

    private static final String SESSION_ID = "s-[A-Za-z0-9_\\-]{20,30}";
    private static final String PATIENT = "(Patient/)?[A-Za-z0-9\\-.]{1,64}";

    /** A new conversation. */
    public record Opened(String sessionId, long idleTimeoutSeconds, String reply, List<QuickReply> options) {
    }

    /** One patient turn: {@code text}, or {@code choice} (the id of a quick reply) — exactly one. */
    public record Message(String text, @Pattern(regexp = "[A-Za-z0-9:\\-]{1,40}") String choice) {
    }

    private final SessionStore sessions;
    private final EngineSelector engines;
    private final CallerResolver callers;
    private final SessionConfig config;
    private final PracticeDirectory directory;

    ChatResource(SessionStore sessions, EngineSelector engines, CallerResolver callers, SessionConfig config,
            PracticeDirectory directory) {
        this.sessions = sessions;
        this.engines = engines;
        this.callers = callers;
        this.config = config;
        this.directory = directory;
    }

    @POST
    @Operation(summary = "Open a conversation")
    public Response open(@RestQuery @Pattern(regexp = PATIENT) String patient) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        ChatSession session = sessions.open(caller);
        ChatReply greeting = sessions.exclusively(session, () -> engines.engine().start(session));
        return Response.created(URI.create("/api/v1/sessions/" + session.id()))
                .entity(new Opened(session.id(), sessions.idleTimeoutSeconds(), greeting.reply(), greeting.options()))
                .build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say something, or press a quick reply")
    public ChatReply message(@RestPath @Pattern(regexp = SESSION_ID) String id, @NotNull @jakarta.validation.Valid Message message,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        if ((message.text() == null) == (message.choice() == null)) {
            throw new org.visitwise.scheduling.InvalidSchedulingRequestException(400, "Send either text or choice.");
        }
        if (message.text() != null && message.text().length() > config.maxMessageLength()) {
            throw new MessageTooLongException(config.maxMessageLength());
        }
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        ChatSession session = sessions.find(id, caller);
        return sessions.exclusively(session, () -> {
            sessions.touch(session);
            Optional<ChatReply> guarded = Guardrails.check(message.text(), directory.current().practicePhone());
            return guarded.orElseGet(() -> engines.engine().handle(session, new ChatInput(message.text(), message.choice())));
        });
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End the conversation (logout): everything said is forgotten at once")
    public Response close(@RestPath @Pattern(regexp = SESSION_ID) String id,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        sessions.close(id, callers.resolve(Optional.ofNullable(patient), true));
        return Response.noContent().build();
    }
}
