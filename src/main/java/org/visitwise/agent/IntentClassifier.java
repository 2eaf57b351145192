package org.visitwise.agent;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.langchain4j.store.embedding.CosineSimilarity;
import io.quarkus.logging.Log;

/**
 * Recognises what a patient's short text asks for with an in-process embedding model (quantized
 * BGE-small, shipped inside the jar, no network) compared with labelled example phrases; when the
 * model is not confident, or not available, the keyword rules of {@link Intent} decide.
 */
@ApplicationScoped
public class IntentClassifier {

    static final double MIN_SIMILARITY = 0.80;
    static final double MIN_MARGIN = 0.02;

    private static final Map<Intent, List<String>> EXAMPLES = Map.of(
            Intent.CANCEL, List.of("cancel my appointment", "I can't make it to my visit", "I won't be able to come",
                    "please call off my appointment", "I need to cancel", "I will not make it on Friday",
                    "remove my booking"),
            Intent.RESCHEDULE, List.of("I need to reschedule", "move my appointment to another day",
                    "can I change the time of my visit", "push my appointment back a few days",
                    "I want a different time for my appointment", "can we do it another day instead"),
            Intent.LIST, List.of("when is my next appointment", "what appointments do I have",
                    "show my upcoming visits", "do I have anything booked", "what have I got coming up",
                    "remind me when I'm seeing the doctor"),
            Intent.BOOK, List.of("I want to book an appointment", "I need to see a doctor", "can I come in next week",
                    "schedule a visit", "make an appointment with Dr. Rivera", "are there any openings on Friday",
                    "I'd like to get a check-up"));

    private final EmbeddingModel model;
    private final Map<Intent, List<Embedding>> examples = new EnumMap<>(Intent.class);

    IntentClassifier() {
        this(load());
    }

    IntentClassifier(EmbeddingModel model) {
        this.model = model;
        if (model != null) {
            EXAMPLES.forEach((intent, phrases) -> {
                List<Embedding> vectors = new ArrayList<>();
                phrases.forEach(p -> vectors.add(model.embed(p).content()));
                examples.put(intent, vectors);
            });
        }
    }

    private static EmbeddingModel load() {
        try {
            return new BgeSmallEnV15QuantizedEmbeddingModel();
        } catch (RuntimeException | LinkageError e) {
            Log.warnf("In-process embedding model unavailable (%s); intents by keywords only", e.getClass().getSimpleName());
            return null;
        }
    }

    public Intent classify(String text) {
        Intent byKeywords = Intent.of(text);
        if (byKeywords == Intent.YES || byKeywords == Intent.NO || model == null) {
            return byKeywords;
        }
        Embedding query = model.embed(text).content();
        Intent best = Intent.UNKNOWN;
        double bestScore = 0;
        double second = 0;
        for (Map.Entry<Intent, List<Embedding>> e : examples.entrySet()) {
            double score = e.getValue().stream().mapToDouble(v -> CosineSimilarity.between(query, v)).max().orElse(0);
            if (score > bestScore) {
                second = bestScore;
                bestScore = score;
                best = e.getKey();
            } else if (score > second) {
                second = score;
            }
        }
        return bestScore >= MIN_SIMILARITY && bestScore - second >= MIN_MARGIN ? best : byKeywords;
    }
}
