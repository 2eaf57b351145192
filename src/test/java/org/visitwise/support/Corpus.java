package org.visitwise.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The labelled corpus of patient messages under {@code src/test/resources/corpus}: a development part
 * ({@code dev/}) to tune on, and a test part ({@code test/}) that tuning never looks at — its texts are
 * never printed, only its figures. The labels are described in {@code corpus/README.md}.
 */
public final class Corpus {

    /** One labelled message. */
    public record Message(String id, String lang, String text, String intent, String emergency, String practitioner,
            String location, String visitType, String from, String to, String time) {

        public boolean isEmergency() {
            return "emergency".equals(intent);
        }
    }

    public enum Part {
        DEV("dev"), TEST("test");

        final String folder;

        Part(String folder) {
            this.folder = folder;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final List<String> LANGUAGES = List.of("en", "es");

    private Corpus() {
    }

    public static List<Message> load(Part part) {
        List<Message> messages = new ArrayList<>();
        for (String language : LANGUAGES) {
            String path = "corpus/" + part.folder + "/messages-" + language + ".jsonl";
            try (InputStream in = Corpus.class.getClassLoader().getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing corpus file " + path);
                }
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        messages.add(JSON.readValue(line, Message.class));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            }
        }
        return messages;
    }
}
