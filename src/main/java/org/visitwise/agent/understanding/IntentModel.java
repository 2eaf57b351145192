package org.visitwise.agent.understanding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A second reader that learns from examples where the cues are unsure: a multinomial logistic
 * regression over the words, word pairs and four-letter pieces of a message (the last make it robust
 * to misspellings), in every configured language at once. It is trained when the application starts,
 * deterministically (a fixed seed), from the labelled development messages of each language
 * ({@code language/examples/messages-<code>.jsonl}, the development part of the test corpus, copied
 * there by the build), so a third language brings its own examples. Nothing a patient writes is ever
 * learned from: the model is fixed once trained.
 */
public final class IntentModel {

    /** What the model reads a message as, and how sure it is (0..1). */
    public record Prediction(Intent intent, double confidence, double emergency) {
    }

    /** One labelled example: a text and the intent it asks for. */
    record Example(String text, Intent intent) {
    }

    private static final int EPOCHS = 8;
    private static final double LEARNING_RATE = 0.05;
    private static final double L2 = 1e-5;
    private static final long SEED = 7;
    private static final Map<List<String>, IntentModel> TRAINED = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final List<LanguageData> languages;
    private final Intent[] classes;
    private final Map<String, float[]> weights;
    private final float[] bias;

    private IntentModel(List<LanguageData> languages, Intent[] classes, Map<String, float[]> weights, float[] bias) {
        this.languages = languages;
        this.classes = classes;
        this.weights = weights;
        this.bias = bias;
    }

    /** The model for these languages, trained once per set of languages and shared. */
    public static IntentModel forLanguages(List<String> codes) {
        return TRAINED.computeIfAbsent(List.copyOf(codes),
                c -> train(c.stream().map(LanguageData::load).toList(), c.stream().flatMap(l -> examples(l).stream()).toList()));
    }

    public Prediction predict(String text) {
        return predict(Reading.of(text == null ? "" : text, languages));
    }

    Prediction predict(Reading reading) {
        double[] p = probabilities(features(reading));
        int best = 0;
        double emergency = 0;
        for (int k = 0; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
            if (classes[k] == Intent.EMERGENCY) {
                emergency = p[k];
            }
        }
        return new Prediction(classes[best], p[best], emergency);
    }

    static IntentModel train(List<LanguageData> languages, List<Example> examples) {
        Intent[] classes = examples.stream().map(Example::intent).distinct().sorted().toArray(Intent[]::new);
        List<Map.Entry<List<String>, Integer>> data = new ArrayList<>();
        for (Example e : examples) {
            int y = Arrays.asList(classes).indexOf(e.intent());
            data.add(Map.entry(features(Reading.of(e.text(), languages)), y));
        }
        Map<String, double[]> w = new HashMap<>();
        double[] b = new double[classes.length];
        Random random = new Random(SEED);
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            Collections.shuffle(data, random);
            for (Map.Entry<List<String>, Integer> d : data) {
                double[] p = probabilities(d.getKey(), w, b);
                for (int k = 0; k < classes.length; k++) {
                    double g = p[k] - (k == d.getValue() ? 1 : 0);
                    b[k] -= LEARNING_RATE * g;
                    for (String f : d.getKey()) {
                        double[] fw = w.computeIfAbsent(f, x -> new double[classes.length]);
                        fw[k] -= LEARNING_RATE * (g + L2 * fw[k]);
                    }
                }
            }
        }
        Map<String, float[]> compact = new HashMap<>(w.size());
        w.forEach((f, fw) -> {
            float[] c = new float[fw.length];
            for (int k = 0; k < fw.length; k++) {
                c[k] = (float) fw[k];
            }
            compact.put(f, c);
        });
        float[] bias = new float[b.length];
        for (int k = 0; k < b.length; k++) {
            bias[k] = (float) b[k];
        }
        return new IntentModel(languages, classes, Map.copyOf(compact), bias);
    }

    /** The words, word pairs and four-letter pieces of the message as written and as folded to each language. */
    static List<String> features(Reading reading) {
        Set<String> features = new LinkedHashSet<>();
        List<String> views = new ArrayList<>();
        views.add(reading.text());
        views.addAll(reading.folded().values());
        for (String view : views) {
            String[] words = view.isEmpty() ? new String[0] : view.split(" ");
            for (int i = 0; i < words.length; i++) {
                features.add("w:" + words[i]);
                if (i + 1 < words.length) {
                    features.add("b:" + words[i] + "_" + words[i + 1]);
                }
                String padded = "<" + words[i] + ">";
                for (int j = 0; j + 4 <= padded.length(); j++) {
                    features.add("c:" + padded.substring(j, j + 4));
                }
            }
        }
        if (reading.asked()) {
            features.add("?");
        }
        if (reading.tokens().isEmpty()) {
            features.add("empty");
        }
        return new ArrayList<>(features);
    }

    private double[] probabilities(List<String> features) {
        double[] s = new double[bias.length];
        for (int k = 0; k < s.length; k++) {
            s[k] = bias[k];
        }
        for (String f : features) {
            float[] fw = weights.get(f);
            if (fw != null) {
                for (int k = 0; k < s.length; k++) {
                    s[k] += fw[k];
                }
            }
        }
        return softmax(s);
    }

    private static double[] probabilities(List<String> features, Map<String, double[]> w, double[] b) {
        double[] s = b.clone();
        for (String f : features) {
            double[] fw = w.get(f);
            if (fw != null) {
                for (int k = 0; k < s.length; k++) {
                    s[k] += fw[k];
                }
            }
        }
        return softmax(s);
    }

    private static double[] softmax(double[] s) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int k = 0; k < s.length; k++) {
            s[k] = Math.exp(s[k] - max);
            sum += s[k];
        }
        for (int k = 0; k < s.length; k++) {
            s[k] /= sum;
        }
        return s;
    }

    /** The labelled examples of one language; a language is all its data or none, so they must be there. */
    static List<Example> examples(String language) {
        String path = "language/examples/messages-" + language + ".jsonl";
        try (InputStream in = IntentModel.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no examples for language " + language + " (" + path + ")");
            }
            List<Example> examples = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    Map<?, ?> m = JSON.readValue(line, Map.class);
                    examples.add(new Example((String) m.get("text"), Intent.of((String) m.get("intent"))));
                }
            }
            return examples;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}
