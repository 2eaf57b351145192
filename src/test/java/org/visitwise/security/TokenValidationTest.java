package org.visitwise.security;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxEnvironment;
import org.visitwise.sandbox.SandboxTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/** Every way a bearer token can be wrong is a 401; a good token for the wrong role is a 403. */
@QuarkusTest
class TokenValidationTest {

    private static final String ENDPOINT = "/api/v1/appointments";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void validPatientTokenIsServed() {
        given().auth().oauth2(SandboxTokens.patient("pat-001")).get(ENDPOINT).then().statusCode(200);
    }

    @Test
    void missingExpiredOrForeignTokensAre401() {
        given().get(ENDPOINT).then().statusCode(401);
        given().auth().oauth2(SandboxTokens.expiredPatient("pat-001")).get(ENDPOINT).then().statusCode(401);
        given().auth().oauth2(SandboxTokens.patientFrom("https://evil.example/login", SandboxTokens.AUDIENCE, "pat-001"))
                .get(ENDPOINT).then().statusCode(401);
        given().auth().oauth2(SandboxTokens.patientFrom(SandboxTokens.ISSUER, "some-other-app", "pat-001"))
                .get(ENDPOINT).then().statusCode(401);
        given().auth().oauth2("not-a-jwt").get(ENDPOINT).then().statusCode(401);
    }

    @Test
    void unsignedTamperedOrForeignKeyTokensAre401() throws Exception {
        String good = SandboxTokens.patient("pat-001");
        String[] parts = good.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);

        String none = B64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + parts[1] + ".";
        given().auth().oauth2(none).get(ENDPOINT).then().statusCode(401);

        String otherPatient = B64.encodeToString(payload.replace("pat-001", "pat-002").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + otherPatient + "." + parts[2]).get(ENDPOINT).then().statusCode(401);

        // HS/RS confusion: an HMAC "signed" with the public key as the secret
        byte[] publicPem = Files.readAllBytes(SandboxEnvironment.get().tlsDir().resolve(SandboxEnvironment.TOKEN_PUBLIC_KEY));
        String hsHeader = B64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"sandbox\"}".getBytes(StandardCharsets.UTF_8));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicPem, "HmacSHA256"));
        String signingInput = hsHeader + "." + parts[1];
        String hs = signingInput + "." + B64.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        given().auth().oauth2(hs).get(ENDPOINT).then().statusCode(401);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String foreign = Jwt.issuer(SandboxTokens.ISSUER).audience(SandboxTokens.AUDIENCE).subject("x").groups(Set.of("patient"))
                .claim("patient", "pat-001").expiresIn(300).jws().keyId("sandbox").sign(generator.generateKeyPair().getPrivate());
        given().auth().oauth2(foreign).get(ENDPOINT).then().statusCode(401);
    }

    @Test
    void scopesInAPersonsTokenGrantNothingOnlyTheRoleDoes() {
        // quarkus-oidc turns scope values into permissions; the role policy must be the only source
        String billing = SandboxTokens.person("biller", Set.of("billing"),
                java.util.Map.of("scope", "audit:read appointments:write slots:read audit:export"));
        given().auth().oauth2(billing).get("/api/v1/audit-events").then().statusCode(403);
        given().auth().oauth2(billing).get("/api/v1/slots").then().statusCode(403);
        given().auth().oauth2(billing).contentType("application/json").body("{\"slotId\":\"x\",\"visitType\":\"follow-up\"}")
                .post("/api/v1/appointments?patient=Patient/pat-001").then().statusCode(403);
        String roleless = SandboxTokens.person("nobody", Set.of(), java.util.Map.of("scope", "audit:read"));
        given().auth().oauth2(roleless).get("/api/v1/audit-events").then().statusCode(403);
    }

    @Test
    void aTokenIssuedToAnEhrClientIsNoPersonWhateverItsRoles() {
        String token = SandboxTokens.person("gateway", Set.of("front-desk"), java.util.Map.of("azp", "ehr-gateway"));
        given().auth().oauth2(token).get(ENDPOINT + "?patient=Patient/pat-001").then().statusCode(403);
    }

    @Test
    void goodTokenWithoutASchedulingRoleIs403() {
        given().auth().oauth2(SandboxTokens.withRoles("someone", Set.of("volunteer"))).get(ENDPOINT).then().statusCode(403);
        given().auth().oauth2(SandboxTokens.admin("root")).get(ENDPOINT).then().statusCode(403);
        // two roles: which purpose of use applies would be ambiguous, so neither does
        given().auth().oauth2(SandboxTokens.withRoles("someone", Set.of("front-desk", "admin"))).get(ENDPOINT + "?patient=Patient/pat-001")
                .then().statusCode(403);
        // a person can never hold the EHR's service-account role
        given().auth().oauth2(SandboxTokens.withRoles("someone", Set.of("ehr-relay"))).get(ENDPOINT).then().statusCode(403);
        given().auth().oauth2(SandboxTokens.withRoles("someone", Set.of())).get(ENDPOINT).then().statusCode(403);
        // the patient role without a patient claim grants nothing
        given().auth().oauth2(SandboxTokens.withRoles("someone", Set.of("patient"))).get(ENDPOINT).then().statusCode(403);
    }
}
