package org.visitwise.agent.understanding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.visitwise.agent.AgentConfig;
import org.visitwise.scheduling.PracticeDirectory.PractitionerInfo;

import io.quarkus.runtime.Startup;

/**
 * Understanding: pure functions from a patient's text, the practice's directory and the day to what
 * was understood ({@link Understood}), in every configured language ({@code language/<code>/understanding.yaml}).
 * It reads; it decides nothing and calls nothing, except asking {@code regularDoctor} when the patient
 * says "my regular doctor". Made when the application starts (its learned reader is trained then, not
 * on a patient's first message).
 */
@Startup
@ApplicationScoped
public class Understander {

    /**
     * How sure the learned reader must be to overrule a cue that spoke (below a strong cue it always
     * decides): chosen on development and validation messages, never on the test part.
     */
    static final double LEARNED_SURE = 0.9;

    private final List<LanguageData> languages;
    private final IntentModel model;
    private final PractitionerMatcher practitioners;
    private final LocationMatcher locations;

    @Inject
    Understander(AgentConfig config) {
        this(config.languages());
    }

    private Understander(List<String> codes) {
        this.languages = codes.stream().map(LanguageData::load).toList();
        this.model = IntentModel.forLanguages(codes);
        this.practitioners = new PractitionerMatcher(languages);
        this.locations = new LocationMatcher(languages);
    }

    /** An understander for these languages, the first being the default. */
    public static Understander forLanguages(List<String> codes) {
        return new Understander(codes);
    }

    /** The configured languages, the default first. */
    public List<String> languages() {
        return languages.stream().map(LanguageData::code).toList();
    }

    public Understood understand(String text, String conversationLanguage, Practice practice, LocalDate today,
            Supplier<Optional<String>> regularDoctor) {
        Reading reading = Reading.of(text, languages);
        LanguageData language = language(reading, conversationLanguage);
        String practitionerId = practitioners.match(reading, practice.practitioners(), regularDoctor).orElse(null);
        IntentReader.Verdict cues = IntentReader.read(reading, languages);
        IntentModel.Prediction learned = model.predict(reading);
        boolean learnedDecides = decides(cues, learned);
        Intent intent = learnedDecides ? learned.intent() : cues.intent();
        boolean reschedule = intent == Intent.RESCHEDULE;
        String folded = reading.folded(language);
        String visitType = visitType(reading, language, practice.visitTypes());
        String locationId = locations.match(reading.text(), practice.locations(), reschedule).orElse(null);
        DateReader.Days days = DateReader.read(folded, language.dates(), today, reschedule).orElse(null);
        TimeOfDay time = TimeReader.read(folded, language.times(), language.dates().units(), reschedule).orElse(null);
        for (LanguageData other : languages) {
            // patients mix languages ("para next week"); another language reads the text as written
            if (other != language && days == null) {
                days = DateReader.read(reading.text(), other.dates(), today, reschedule).orElse(null);
            }
            if (other != language && time == null) {
                time = TimeReader.read(reading.text(), other.times(), other.dates().units(), reschedule).orElse(null);
            }
        }
        Understood understood = new Understood(intent, practitionerId, locationId, visitType,
                days == null ? null : days.from(), days == null ? null : days.to(), time, language.code());
        boolean question = languages.stream().anyMatch(l -> l.question().matcher(reading.text()).find());
        boolean request = languages.stream().anyMatch(l -> l.request().matcher(reading.text()).find());
        // details alone ("Dr. Wei on Friday?") ask to book; a question about the practice that names a
        // day or a place ("is the downtown clinic open Saturday?") does not
        return intent == Intent.OTHER && understood.hasDetails() && !learnedDecides && !hasOtherCue(reading) && (request || !question)
                ? understood.withIntent(Intent.BOOK) : understood;
    }

    /**
     * Whether the learned reader decides the intent: when the cues are unsure (no strong cue spoke) or
     * it is very sure. An alarm is the emergency detector's to raise, not this reader's.
     */
    static boolean decides(IntentReader.Verdict cues, IntentModel.Prediction learned) {
        return learned.intent() != Intent.EMERGENCY
                && (cues.certainty() < IntentReader.STRONG || learned.confidence() > LEARNED_SURE);
    }

    /** The practitioner these words name, if they name exactly one. */
    public Optional<String> practitionerNamed(String name, Collection<PractitionerInfo> directory) {
        return practitioners.byName(name, directory);
    }

    /** Yes or no to a question just asked, if the text is one; in any language. */
    public Optional<Boolean> answer(String text) {
        Reading reading = Reading.of(text, languages);
        for (LanguageData l : languages) {
            if (l.no().matcher(reading.text()).find()) {
                return Optional.of(false);
            }
        }
        for (LanguageData l : languages) {
            if (l.yes().matcher(reading.text()).find()) {
                return Optional.of(true);
            }
        }
        return Optional.empty();
    }

    private LanguageData language(Reading reading, String fallback) {
        LanguageData best = languages.stream().filter(l -> l.code().equals(fallback)).findFirst().orElse(languages.get(0));
        int bestScore = IntentReader.languageScore(reading, best);
        for (LanguageData l : languages) {
            int score = IntentReader.languageScore(reading, l);
            if (score > bestScore) {
                best = l;
                bestScore = score;
            }
        }
        return best;
    }

    /** The first visit type the text names, in its own language, else in another. */
    private String visitType(Reading reading, LanguageData language, List<String> configured) {
        List<LanguageData> order = new ArrayList<>(languages);
        order.remove(language);
        order.add(0, language);
        for (LanguageData l : order) {
            String text = reading.folded(l);
            int first = Integer.MAX_VALUE;
            String found = null;
            for (String type : configured) {
                Pattern p = l.visitTypes().getOrDefault(type, LanguageData.cue(Pattern.quote(type.replace('-', ' '))));
                Matcher m = p.matcher(text);
                if (m.find() && m.start() < first) {
                    first = m.start();
                    found = type;
                }
            }
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private boolean hasOtherCue(Reading reading) {
        return languages.stream().map(l -> l.intents().get(Intent.OTHER)).filter(c -> c != null)
                .flatMap(c -> c.strong().stream()).anyMatch(p -> p.matcher(reading.text()).find());
    }
}
