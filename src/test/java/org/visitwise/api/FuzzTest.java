package org.visitwise.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.visitwise.sandbox.SandboxTokens;
import org.visitwise.support.Chats;
import org.visitwise.support.Journeys;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;

/**
 * Thousands of generated inputs (jqwik arbitraries, with a fixed seed so that a failure can be
 * replayed) against the chat and REST APIs: invalid and unusual Unicode (control and format
 * characters, bidi overrides, surrogates, emoji, right-to-left scripts), very long words, wrong JSON
 * types and trailing data, extreme dates and numbers. Every answer: no 5xx, no stack trace, the input
 * never echoed, and a problem+json body for every refusal.
 */
@QuarkusTest
class FuzzTest {

    private static final long SEED = 20261204L;

    /** Text as an attacker or a broken client sends it. */
    private static final Arbitrary<String> TEXT = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(300),
            Arbitraries.strings().withCharRange('\u0000', '\u001f').withCharRange('\u200b', '\u200f')
                    .withCharRange('\u202a', '\u202e').withCharRange('\u2066', '\u2069').withChars('\ufeff', '\u00a0', '\u3000')
                    .ofMinLength(1).ofMaxLength(40),
            Arbitraries.strings().withCharRange('\u0590', '\u06ff').withChars(' ', '?').ofMinLength(1).ofMaxLength(80),
            Arbitraries.strings().withChars("😀🩺💊🚑🏥❤️‍🔥").ofMinLength(1).ofMaxLength(30),
            Arbitraries.strings().alpha().ofMinLength(500).ofMaxLength(2000),
            Arbitraries.of("book", "cancel my appt", "12/31/9999", "tomorrow at 25:99", "Dr. \u202eeifaO", "next 99999 weeks",
                    "%00", "{{7*7}}", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd"));

    /** Query parameter values of every shape. */
    private static final Arbitrary<String> PARAMETER = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(80),
            Arbitraries.of("9999-12-31", "0000-01-01", "2026-02-30", "-1", "99999999999999999999", ".", "..", "Practitioner/..",
                    "Practitioner/", "morning;evening", "2026-12-02T10:00", "\u0000"));

    /** Bodies that are not what the API asks for. */
    private static final Arbitrary<String> BODY = Arbitraries.oneOf(
            Arbitraries.strings().all().ofMaxLength(200),
            Arbitraries.of("{\"slotId\":1,\"visitType\":true}", "{\"slotId\":[],\"visitType\":{}}", "[]", "null", "\"x\"",
                    "{\"slotId\":\"slot-1\",\"visitType\":\"follow-up\"} trailing", "{\"slotId\":\"slot-1\"", "{}".repeat(500),
                    "[".repeat(2000), "{\"slotId\":\"slot-1\",\"visitType\":\"follow-up\",\"extra\":1}",
                    "{\"text\":\"hi\",\"choice\":\"book\"}", "{\"text\":null}", "{\"slotId\":\"" + "a".repeat(5000) + "\"}"));

    private static List<String> generate(Arbitrary<String> arbitrary, int count, long seed) {
        JqwikSession.start(String.valueOf(seed));
        try {
            Random random = new Random(seed);
            var generator = arbitrary.generator(1000, true);
            List<String> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(generator.next(random).value());
            }
            return values;
        } finally {
            JqwikSession.finish();
        }
    }

    private static void wellBehaved(Response answer, String input, String where) {
        int status = answer.statusCode();
        String body = answer.asString();
        assertTrue(status < 500, where + " answered " + status);
        assertFalse(body.contains("at org.") || body.contains("at java.") || body.contains("Exception"), where + " leaked a stack trace");
        if (status >= 400) {
            assertTrue(answer.contentType().startsWith("application/problem+json"), where + " refused without problem+json: " + status);
        }
        if (input.strip().length() >= 12) {
            assertFalse(body.contains(input.strip()), where + " echoed its input");
        }
    }

    @Test
    void theChatAnswersEveryGeneratedTextWithoutFailing() {
        List<String> texts = generate(TEXT, 1500, SEED);
        String session = null;
        for (int i = 0; i < texts.size(); i++) {
            if (i % 100 == 0) {
                session = Chats.open("pat-017");
            }
            Response answer = given().auth().oauth2(SandboxTokens.patient("pat-017")).contentType(ContentType.JSON)
                    .body(Map.of("text", texts.get(i))).post("/api/v1/sessions/" + session + "/messages");
            if (answer.statusCode() == 404) {
                session = Chats.open("pat-017"); // a generated turn may end the conversation (logoff words)
                continue;
            }
            wellBehaved(answer, texts.get(i), "chat turn " + i);
        }
    }

    @Test
    void theSlotSearchAnswersEveryGeneratedParameterWithoutFailing() {
        List<String> values = generate(PARAMETER, 1000, SEED + 1);
        String[] names = { "from", "to", "practitioner", "location", "visitType", "partOfDay" };
        for (int i = 0; i < values.size(); i++) {
            Response answer = Journeys.as("pat-017").queryParam(names[i % names.length], values.get(i)).get("/api/v1/slots");
            wellBehaved(answer, values.get(i), "slot search " + i);
        }
    }

    @Test
    void everyGeneratedBodyIsRefusedClearly() {
        List<String> bodies = generate(BODY, 600, SEED + 2);
        String session = Chats.open("pat-017");
        for (int i = 0; i < bodies.size(); i++) {
            String path = switch (i % 3) {
                case 0 -> "/api/v1/holds";
                case 1 -> "/api/v1/appointments";
                default -> "/api/v1/sessions/" + session + "/messages";
            };
            Response answer = Journeys.as("pat-017").header("Idempotency-Key", Journeys.key()).body(bodies.get(i)).post(path);
            wellBehaved(answer, bodies.get(i), "body " + i + " to " + path);
        }
    }
}
