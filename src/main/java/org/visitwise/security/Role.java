package org.visitwise.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.visitwise.ehr.Purpose;

/**
 * One role of {@code scopes/roles.yaml}: what it may call and under which purpose of use.
 *
 * @param name            the role name as the identity provider sends it
 * @param serviceAccount  whether only EHR service accounts (never people) can hold it
 * @param purpose         purpose of use of its FHIR queries; empty for roles without patient data
 * @param actsFor         whose data it reaches
 * @param permissions     API permissions, {@code <resource>:<action>}
 * @param tokenScopes     SMART scopes a service account's token must carry to hold the role
 */
public record Role(String name, boolean serviceAccount, Optional<Purpose> purpose, ActsFor actsFor,
        Set<String> permissions, List<String> tokenScopes) {
}
