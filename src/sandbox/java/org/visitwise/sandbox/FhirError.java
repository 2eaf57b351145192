package org.visitwise.sandbox;

import org.hl7.fhir.r4.model.OperationOutcome;

/** An error the sandbox answers with: an HTTP status and an OperationOutcome. Dev/test code. */
final class FhirError extends RuntimeException {

    private final int status;
    private final OperationOutcome.IssueType code;

    FhirError(int status, OperationOutcome.IssueType code, String diagnostics) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.code = code;
    }

    static FhirError badRequest(String diagnostics) {
        return new FhirError(400, OperationOutcome.IssueType.INVALID, diagnostics);
    }

    static FhirError notFound(String diagnostics) {
        return new FhirError(404, OperationOutcome.IssueType.NOTFOUND, diagnostics);
    }

    int status() {
        return status;
    }

    OperationOutcome toOperationOutcome() {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue()
                .setSeverity(status >= 500 ? OperationOutcome.IssueSeverity.FATAL : OperationOutcome.IssueSeverity.ERROR)
                .setCode(code)
                .setDiagnostics(getMessage());
        return outcome;
    }
}
