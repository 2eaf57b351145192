package org.visitwise.scheduling;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.visitwise.api.Created;
import org.visitwise.security.Caller;
import org.visitwise.security.CallerResolver;
import org.visitwise.security.Permissions;

import io.quarkus.security.PermissionsAllowed;

/**
 * The scheduling API for patients (acting for themselves; identity from the token) and front-desk
 * staff (acting for the patient they name with {@code patient=Patient/<id>}). Validates, maps and
 * delegates to {@link SchedulingService}.
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Scheduling")
public class SchedulingResource {

    private static final String ID = SchedulingRequests.ID;
    private static final String PATIENT = "(Patient/)?" + ID;

    private final SchedulingService scheduling;
    private final CallerResolver callers;
    private final SchedulingConfig config;

    SchedulingResource(SchedulingService scheduling, CallerResolver callers, SchedulingConfig config) {
        this.scheduling = scheduling;
        this.callers = callers;
        this.config = config;
    }

    /** Open slots in the practice's time zone. */
    public record SlotsPage(String timeZone, List<SlotView> slots) {
    }

    /** Appointments in the practice's time zone. */
    public record AppointmentsPage(String timeZone, List<AppointmentView> appointments) {
    }

    @PermissionsAllowed(Permissions.SLOTS_READ)
    @GET
    @Path("slots")
    @Operation(summary = "Find open slots, earliest first")
    public SlotsPage slots(@RestQuery @Pattern(regexp = "(Practitioner/)?" + ID) String practitioner,
            @RestQuery @Pattern(regexp = "(Location/)?" + ID) String location,
            @RestQuery @Pattern(regexp = SchedulingRequests.CODE) String visitType,
            @RestQuery @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String from,
            @RestQuery @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}") String to,
            @RestQuery @Pattern(regexp = "(?i)morning|afternoon|evening") String partOfDay,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), false);
        SlotQuery query = new SlotQuery(stripped(practitioner, "Practitioner/"), stripped(location, "Location/"),
                Optional.ofNullable(visitType), date(from, "from"), date(to, "to"),
                Optional.ofNullable(partOfDay).map(p -> PartOfDay.valueOf(p.toUpperCase(Locale.ROOT)).window()));
        return new SlotsPage(config.timeZone().getId(), scheduling.find(caller, query));
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_READ)
    @GET
    @Path("appointments")
    @Operation(summary = "The caller's upcoming appointments")
    public AppointmentsPage appointments(@RestQuery @Pattern(regexp = PATIENT) String patient) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        return new AppointmentsPage(config.timeZone().getId(), scheduling.upcoming(caller));
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("holds")
    @Operation(summary = "Hold a slot while the patient confirms")
    public Response hold(@Valid @NotNull SchedulingRequests.HoldRequest request,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        HoldView hold = scheduling.hold(caller, request.slotId(), request.visitType());
        return Created.at("/api/v1/holds/" + hold.holdId()).entity(hold).build();
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @DELETE
    @Path("holds/{holdId}")
    @Operation(summary = "Release a hold")
    public Response release(@RestPath @Pattern(regexp = "h-[A-Za-z0-9_\\-]{10,40}") String holdId,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        scheduling.releaseHold(callers.resolve(Optional.ofNullable(patient), true), holdId);
        return Response.noContent().build();
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("appointments")
    @Operation(summary = "Book a held slot, or a free slot in one step; safe to retry with the same Idempotency-Key")
    public Response book(@Valid @NotNull SchedulingRequests.BookingRequest request,
            @RestHeader("Idempotency-Key") @NotNull @Pattern(regexp = SchedulingRequests.IDEMPOTENCY_KEY) String idempotencyKey,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        Caller caller = callers.resolve(Optional.ofNullable(patient), true);
        SchedulingService.Booking booking;
        if (request.holdId() != null && request.slotId() == null && request.visitType() == null) {
            booking = scheduling.bookHold(caller, request.holdId(), idempotencyKey);
        } else if (request.holdId() == null && request.slotId() != null && request.visitType() != null) {
            booking = scheduling.book(caller, request.slotId(), request.visitType(), idempotencyKey);
        } else {
            throw new InvalidSchedulingRequestException(400, "Give either holdId, or slotId and visitType.");
        }
        return Created.at(booking.replay() ? 200 : 201, "/api/v1/appointments/" + booking.appointment().id())
                .entity(booking.appointment()).build();
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @POST
    @Path("appointments/{id}/cancel")
    @Operation(summary = "Cancel one of the caller's appointments")
    public AppointmentView cancel(@RestPath @Pattern(regexp = ID) String id,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        return scheduling.cancel(callers.resolve(Optional.ofNullable(patient), true), id);
    }

    @PermissionsAllowed(Permissions.APPOINTMENTS_WRITE)
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("appointments/{id}/reschedule")
    @Operation(summary = "Move one of the caller's appointments to another free slot")
    public AppointmentView reschedule(@RestPath @Pattern(regexp = ID) String id,
            @Valid @NotNull SchedulingRequests.RescheduleRequest request,
            @RestQuery @Pattern(regexp = PATIENT) String patient) {
        return scheduling.reschedule(callers.resolve(Optional.ofNullable(patient), true), id, request.slotId());
    }

    private static Optional<String> stripped(String value, String prefix) {
        return Optional.ofNullable(value).map(v -> v.startsWith(prefix) ? v.substring(prefix.length()) : v);
    }

    private static Optional<LocalDate> date(String value, String name) {
        try {
            return Optional.ofNullable(value).map(LocalDate::parse);
        } catch (DateTimeParseException e) {
            throw new InvalidSchedulingRequestException(400, "'" + name + "' is not a valid date (YYYY-MM-DD).");
        }
    }
}
