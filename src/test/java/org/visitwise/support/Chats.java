package org.visitwise.support;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.visitwise.sandbox.SandboxTokens;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A synthetic patient talking to the chat API, as the web page does. */
public final class Chats {

    private Chats() {
    }

    /** Opens a conversation; its id. */
    public static String open(String patient) {
        return given().auth().oauth2(SandboxTokens.patient(patient)).post("/api/v1/sessions").then().statusCode(201)
                .extract().path("sessionId");
    }

    public static JsonPath choose(String patient, String session, String choice) {
        return post(patient, session, Map.of("choice", choice));
    }

    public static JsonPath say(String patient, String session, String text) {
        return post(patient, session, Map.of("text", text));
    }

    public static JsonPath post(String patient, String session, Map<String, String> body) {
        return given().auth().oauth2(SandboxTokens.patient(patient)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/sessions/" + session + "/messages").then().statusCode(200).extract().jsonPath();
    }
}
