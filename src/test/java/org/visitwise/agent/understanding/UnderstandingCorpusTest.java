package org.visitwise.agent.understanding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.visitwise.agent.safety.EmergencyDetector;
import org.visitwise.support.Corpus;
import org.visitwise.support.Corpus.Message;
import org.visitwise.support.Corpus.Part;

/**
 * The assistant's understanding measured on the labelled corpus, as a conversation reads a message:
 * the emergency check first, then understanding. Both parts print their figures and a confusion
 * matrix; the development part also prints its misses, the test part (never tuned on) never its texts.
 * The product's thresholds are intent 95%, practitioner 95%, day 90%, Spanish intent 90% on the test
 * part: practitioner, day and Spanish intent reach them and are held there; intent does not yet (see
 * the README), and is held at the figure recorded there, so that no change reads worse.
 */
class UnderstandingCorpusTest {

    /** Test-part intent accuracy as recorded in the README (92.4%), less a margin of a few messages; the goal is 0.95. */
    private static final double TEST_INTENT_FLOOR = 0.90;

    private static final Understander UNDERSTANDER = Understander.forLanguages(List.of("en", "es"));
    private static final EmergencyDetector DETECTOR = EmergencyDetector.forLanguages(List.of("en", "es"));

    @Test
    void theTestPartMeetsThePractitionerDayAndSpanishThresholdsAndNeverReadsWorse() {
        Figures f = measure(Corpus.load(Part.TEST), false);
        assertTrue(f.practitioner.rate() >= 0.95, "practitioner " + f.practitioner);
        assertTrue(f.day.rate() >= 0.90, "day " + f.day);
        assertTrue(f.intent.rate() >= TEST_INTENT_FLOOR, "intent " + f.intent);
        assertTrue(f.spanishIntent.rate() >= 0.90, "Spanish intent " + f.spanishIntent);
    }

    @Test
    void developmentPartFigures() {
        Figures f = measure(Corpus.load(Part.DEV), true);
        assertTrue(f.intent.rate() >= 0.95, "intent " + f.intent);
        assertTrue(f.practitioner.rate() >= 0.95, "practitioner " + f.practitioner);
        assertTrue(f.day.rate() >= 0.90, "day " + f.day);
        assertTrue(f.spanishIntent.rate() >= 0.90, "Spanish intent " + f.spanishIntent);
    }

    static Figures measure(List<Message> messages, boolean showMisses) {
        Figures f = new Figures();
        for (Message m : messages) {
            Understood u = UNDERSTANDER.understand(m.text(), "en", CorpusPractice.PRACTICE, CorpusPractice.TODAY,
                    CorpusPractice.REGULAR);
            String intent = DETECTOR.detect(m.text()).isPresent() ? "emergency" : u.intent().code();
            f.confusion.computeIfAbsent(m.intent(), k -> new TreeMap<>()).merge(intent, 1, Integer::sum);
            boolean intentRight = f.intent.count(m.intent().equals(intent));
            if ("es".equals(m.lang())) {
                f.spanishIntent.count(intentRight);
            }
            f.language.count(m.lang().equals(u.language()));
            show(showMisses && !intentRight, m, "intent " + intent);
            if (m.isEmergency()) {
                continue;
            }
            if (m.practitioner() != null) {
                boolean right = f.practitioner.count(m.practitioner().equals(u.practitionerId()));
                show(showMisses && !right, m, "practitioner " + u.practitionerId());
            } else if (u.practitionerId() != null) {
                f.extraPractitioners++;
                show(showMisses, m, "practitioner not named, read " + u.practitionerId());
            }
            String days = u.from() + ".." + u.to();
            if (m.from() != null) {
                boolean right = f.day.count((m.from() + ".." + m.to()).equals(days));
                show(showMisses && !right, m, "days " + days);
            } else if (u.from() != null) {
                f.extraDays++;
                show(showMisses, m, "no day asked, read " + days);
            }
            String time = u.time() == null ? null : u.time().toString();
            if (m.time() != null || time != null) {
                boolean right = f.time.count(Objects.equals(m.time(), time));
                show(showMisses && !right, m, "time " + time);
            }
            if (m.location() != null || u.locationId() != null) {
                boolean right = f.location.count(Objects.equals(m.location(), u.locationId()));
                show(showMisses && !right, m, "location " + u.locationId());
            }
            if (m.visitType() != null || u.visitType() != null) {
                boolean right = f.visitType.count(Objects.equals(m.visitType(), u.visitType()));
                show(showMisses && !right, m, "visit type " + u.visitType());
            }
        }
        System.out.println(f);
        return f;
    }

    private static void show(boolean show, Message m, String what) {
        if (show) {
            System.out.println("  [" + m.id() + " " + m.intent() + "] " + what + " | " + m.text());
        }
    }

    static final class Rate {
        int right;
        int total;

        boolean count(boolean ok) {
            total++;
            right += ok ? 1 : 0;
            return ok;
        }

        double rate() {
            return total == 0 ? 1 : (double) right / total;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%d/%d (%.1f%%)", right, total, 100 * rate());
        }
    }

    static final class Figures {
        final Rate intent = new Rate();
        final Rate spanishIntent = new Rate();
        final Rate language = new Rate();
        final Rate practitioner = new Rate();
        final Rate day = new Rate();
        final Rate time = new Rate();
        final Rate location = new Rate();
        final Rate visitType = new Rate();
        int extraPractitioners;
        int extraDays;
        final Map<String, Map<String, Integer>> confusion = new TreeMap<>();

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            out.append("intent ").append(intent).append(", Spanish intent ").append(spanishIntent).append(", language ")
                    .append(language).append("\npractitioner ").append(practitioner).append(" (+").append(extraPractitioners)
                    .append(" where none was named), day ").append(day).append(" (+").append(extraDays)
                    .append(" where none was asked), time of day ").append(time).append(", location ").append(location)
                    .append(", visit type ").append(visitType).append("\nconfusion (label -> read):");
            List<String> intents = List.of("book", "cancel", "reschedule", "list", "help", "clinical", "emergency", "other");
            out.append(String.format(Locale.ROOT, "%n%-11s", ""));
            intents.forEach(i -> out.append(String.format(Locale.ROOT, "%6.6s", i)));
            for (String label : intents) {
                out.append(String.format(Locale.ROOT, "%n%-11s", label));
                intents.forEach(i -> out.append(String.format(Locale.ROOT, "%6d",
                        confusion.getOrDefault(label, Map.of()).getOrDefault(i, 0))));
            }
            return out.toString();
        }
    }
}
