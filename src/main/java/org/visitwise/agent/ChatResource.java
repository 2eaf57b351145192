package org.visitwise.agent;

import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.visitwise.agent.wording.Wording;
import org.visitwise.api.Created;
import org.visitwise.security.Caller;
import org.visitwise.security.CallerResolver;
import org.visitwise.security.Permissions;
import org.visitwise.session.Channel;

import io.quarkus.security.PermissionsAllowed;

/** The chat API: open a conversation, talk in it (text or quick replies), end it. */
@Path("/api/v1/sessions")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Permissions.CONVERSATIONS_USE)
@Tag(name = "Conversation")
public class ChatResource {

    private static final String SESSION_ID = "s-[A-Za-z0-9_\\-]{20,30}";
    private static final String PATIENT = "(Patient/)?[A-Za-z0-9\\-.]{1,64}";

    /** One patient turn: {@code text}, or {@code choice} (the id of a quick reply) — exactly one. */
    public record Message(String text, @Pattern(regexp = "[A-Za-z0-9:\\-]{1,40}") String choice) {
    }

    private final Conversations conversations;
    private final CallerResolver callers;
    private final Wording wording;

    ChatResource(Conversations conversations, CallerResolver callers, Wording wording) {
        this.conversations = conversations;
        this.callers = callers;
        this.wording = wording;
    }

    @POST
    @Operation(summary = "Open a conversation")
    public Response open(@RestQuery @Pattern(regexp = PATIENT) String patient,
            @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        Conversations.Opened opened = conversations.open(caller, Channel.WEB, wording.preferred(acceptLanguage));
        return Created.at("/api/v1/sessions/" + opened.sessionId()).entity(opened).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Say something, or press a quick reply")
    public ChatReply message(@RestPath @Pattern(regexp = SESSION_ID) String id, @NotNull @jakarta.validation.Valid Message message,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        return conversations.say(callers.resolve(Optional.ofNullable(patient), true), id, message.text(), message.choice());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End the conversation (logout): everything said is forgotten at once")
    public Response close(@RestPath @Pattern(regexp = SESSION_ID) String id,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        conversations.close(callers.resolve(Optional.ofNullable(patient), true), id);
        return Response.noContent().build();
    }
}
