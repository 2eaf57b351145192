package org.visitwise.agent.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * A language's data file, {@code language/<code>/<name>.yaml} on the class path, read strictly (an
 * unknown key is an error). A missing or unreadable file stops the start: a language is all its data
 * or none.
 */
public final class LanguageFiles {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private LanguageFiles() {
    }

    public static <T> T read(String language, String name, Class<T> type) {
        String path = "language/" + language + "/" + name + ".yaml";
        try (InputStream in = LanguageFiles.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " data for language " + language + " (" + path + ")");
            }
            return YAML.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
