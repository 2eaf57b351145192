package org.visitwise.ehr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SmartScopeTest {

    @Test
    void parsesAV2ResourceScope() {
        SmartScope scope = SmartScope.parse("patient/Appointment.cru");
        assertEquals("patient", scope.context());
        assertEquals("Appointment", scope.resourceType());
        assertTrue(scope.permits('c'));
        assertTrue(scope.permits('u'));
        assertFalse(scope.permits('s'));
        assertFalse(scope.permits('d'));
    }

    @ParameterizedTest
    @ValueSource(strings = { "patient/Appointment.dus", "patient/Appointment.read", "patient/*.rs",
            "launch/Appointment.rs", "patient/Appointment.", "patient/Observation.rs?category=laboratory",
            "Appointment.rs", "" })
    void refusesAnythingButPlainV2Syntax(String text) {
        assertThrows(IllegalArgumentException.class, () -> SmartScope.parse(text));
    }
}
