package org.visitwise.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.visitwise.agent.safety.EmergencyDetector;
import org.visitwise.agent.understanding.IntentModel;
import org.visitwise.agent.understanding.Practice;
import org.visitwise.agent.understanding.Understander;
import org.visitwise.scheduling.PracticeDirectory.LocationInfo;
import org.visitwise.scheduling.PracticeDirectory.PractitionerInfo;
import org.visitwise.support.Corpus;

/**
 * The cost of reading one free-text message as a conversation does — the emergency check, then
 * understanding — in process, on the corpus's messages (their texts are only read, never printed).
 * Run by {@code .ci/bench-understanding}; results in BENCHMARKS.md.
 */
public final class UnderstandingBenchmark {

    private UnderstandingBenchmark() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        List<String> texts = new ArrayList<>();
        for (Corpus.Part part : Corpus.Part.values()) {
            Corpus.load(part).forEach(m -> texts.add(m.text()));
        }
        long training = System.nanoTime();
        IntentModel.forLanguages(List.of("en", "es"));
        System.out.printf(Locale.ROOT, "learned reader trained at start-up in %.0f ms (cold JVM)%n",
                (System.nanoTime() - training) / 1e6);
        EmergencyDetector detector = EmergencyDetector.forLanguages(List.of("en", "es"));
        Understander understander = Understander.forLanguages(List.of("en", "es"));
        Practice practice = new Practice(List.of(
                new PractitionerInfo("p1", "Dr. Alex Rivera", List.of("Alex"), "Rivera", List.of(), List.of("Family practice")),
                new PractitionerInfo("p2", "Dr. Sam Chen", List.of("Sam"), "Chen", List.of(), List.of("Pediatric specialty")),
                new PractitionerInfo("p3", "Kim Nguyen, NP", List.of("Kim"), "Nguyen", List.of("NP"), List.of("Nurse practitioner"))),
                List.of(new LocationInfo("l1", "Main Street Clinic", List.of(), List.of("1 Main Street"))),
                List.of("new-patient", "follow-up", "annual-physical"));
        LocalDate today = LocalDate.of(2026, 12, 2);
        long sink = 0;
        for (int warm = 0; warm < 3; warm++) {
            for (String t : texts) {
                sink += read(t, detector, understander, practice, today);
            }
        }
        long[] nanos = new long[texts.size() * rounds];
        int i = 0;
        long started = System.nanoTime();
        for (int r = 0; r < rounds; r++) {
            for (String t : texts) {
                long s = System.nanoTime();
                sink += read(t, detector, understander, practice, today);
                nanos[i++] = System.nanoTime() - s;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "messages %d x %d rounds, one thread: %.0f messages/s, mean %.0f us, p50 %.0f us,"
                + " p99 %.0f us, max %.0f us (checksum %d)%n", texts.size(), rounds, nanos.length / seconds,
                seconds * 1e6 / nanos.length, nanos[nanos.length / 2] / 1e3, nanos[(int) (nanos.length * 0.99)] / 1e3,
                nanos[nanos.length - 1] / 1e3, sink % 10);
    }

    private static int read(String text, EmergencyDetector detector, Understander understander, Practice practice,
            LocalDate today) {
        if (detector.detect(text).isPresent()) {
            return 1;
        }
        return understander.understand(text, "en", practice, today, Optional::empty).intent().ordinal();
    }
}
