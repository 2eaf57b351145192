package org.visitwise.agent;


import jakarta.validation.Valid;
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
import org.visitwise.api.Created;
import org.visitwise.security.Caller;
import org.visitwise.security.CallerResolver;
import org.visitwise.security.Permissions;
import org.visitwise.session.Channel;

import io.quarkus.security.PermissionsAllowed;

/**
 * The EHR's SMS, voice or portal gateway opens a conversation for a patient it has identified and
 * relays the patient's turns. The conversation runs in that patient's compartment only, as if the
 * patient typed; it belongs to the service account that opened it.
 */
@Path("/api/v1/ehr/sessions")
@Produces(MediaType.APPLICATION_JSON)
@PermissionsAllowed(Permissions.CONVERSATIONS_RELAY)
@Tag(name = "EHR")
public class EhrConversationResource {

    private static final String SESSION_ID = "s-[A-Za-z0-9_\\-]{20,30}";

    /**
     * Who the conversation is for, how it reaches them, and optionally the language it starts in (a
     * BCP 47 tag such as {@code es}; each message's own language is followed after that).
     */
    public record OpenRequest(@NotNull @Pattern(regexp = "Patient/[A-Za-z0-9\\-.]{1,64}") String patient,
            @NotNull @Pattern(regexp = "sms|voice|portal") String channel,
            @Pattern(regexp = "[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*") String language) {
    }

    private final Conversations conversations;
    private final CallerResolver callers;

    EhrConversationResource(Conversations conversations, CallerResolver callers) {
        this.conversations = conversations;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a conversation on a patient's behalf")
    public Response open(@Valid @NotNull OpenRequest request) {
        Caller caller = callers.resolveAsserted(request.patient());
        Conversations.Opened opened = conversations.open(caller, Channel.fromCode(request.channel()).orElseThrow(),
                request.language() == null ? null : request.language().toLowerCase(java.util.Locale.ROOT).split("-")[0]);
        return Created.at("/api/v1/ehr/sessions/" + opened.sessionId()).entity(opened).build();
    }

    @POST
    @Path("{id}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Relay the patient's turn")
    public ChatReply message(@RestPath @Pattern(regexp = SESSION_ID) String id,
            @NotNull @Valid ChatResource.Message message) {
        return conversations.say(relay(), id, message.text(), message.choice());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "End the conversation")
    public Response close(@RestPath @Pattern(regexp = SESSION_ID) String id) {
        conversations.close(relay(), id);
        return Response.noContent().build();
    }

    /** The relaying service account: conversations are found by their id and its subject. */
    private Caller relay() {
        return new Caller(callers.subject(), null, null);
    }
}
