package org.visitwise.session;

import jakarta.ws.rs.core.Response;

import org.visitwise.api.Problem;
import org.visitwise.api.ProblemException;

/** The problems of the conversation API. */
final class SessionProblems {

    private SessionProblems() {
    }

    /** No such conversation for this caller (ended, expired, or someone else's). */
    static final class NotFound extends ProblemException {
        NotFound() {
            super("session not found");
        }

        @Override
        public Problem problem() {
            return Problem.of("session-not-found", "Conversation not found", 404,
                    "This conversation has ended or does not exist. Please start a new one.");
        }
    }

    /** Staff naming a patient other than the one the conversation is about. */
    static final class OtherPatient extends ProblemException {
        OtherPatient() {
            super("conversation about another patient");
        }

        @Override
        public Problem problem() {
            return Problem.of("other-patient", "Another patient", 400,
                    "This conversation is about another patient. Start a new conversation for this one.");
        }
    }

    /** Too many conversations at once. */
    static final class Full extends ProblemException {
        Full() {
            super("session capacity reached");
        }

        @Override
        public Problem problem() {
            return Problem.of("busy", "Busy", 503, "We are talking with many patients right now. Please try again shortly.");
        }

        @Override
        public Response toResponse() {
            return Response.fromResponse(problem().toResponse()).header("Retry-After", "60").build();
        }
    }
}
