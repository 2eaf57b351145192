package org.visitwise.agent.understanding;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.visitwise.agent.text.LanguageFiles;
import org.visitwise.agent.text.TextNormalizer;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one language is read, from {@code language/<code>/understanding.yaml}: the cues of each intent,
 * greetings, yes and no, day and time expressions, visit types, practitioner roles, and the words
 * that say a message is in this language. Adding a language adds a file, not code.
 */
record LanguageData(String code, Locale locale, Set<String> markers, List<Pattern> greetings, Pattern yes, Pattern no,
        Map<Intent, Cues> intents, List<String> vocabulary, Set<String> commonWords, Set<String> locationGeneric,
        Map<String, String> locationWords, Dates dates, Times times, Map<String, Pattern> visitTypes, List<Role> roles,
        Pattern regularDoctor, Pattern nameCues, Pattern nameNegation, Pattern question, Pattern ownAppointment,
        Pattern request, Set<String> medicalWords, Map<String, String> nicknames) {

    /** One intent's cues by weight; a veto sets the intent aside. */
    record Cues(List<Pattern> decisive, List<Pattern> strong, List<Pattern> weak, List<Pattern> veto) {
    }

    /** Words for a practitioner's role, and what the directory must say of the practitioner for them. */
    record Role(Pattern phrases, List<String> terms) {
    }

    /** Day expressions; patterns hold {@code WEEKDAY} and {@code MONTH} where a name stands. */
    record Dates(String numericOrder, Map<java.time.DayOfWeek, Pattern> weekdays, Map<Integer, Pattern> months,
            String weekdayAlternatives, String monthAlternatives, Map<Pattern, int[]> relative,
            Map<Pattern, String> spans, List<Pattern> past, String nextWeekAfter, String nextWeekBefore, String aWeekFrom,
            String movedFrom, String next,
            String inDays, String dayWords, String weekWords, Map<String, Integer> numbers, Map<Integer, Integer> dayIdioms,
            String ordinal, String weekdayOrdinal, String monthDay, String dayMonth, String earlyMonth, String midMonth,
            String lateMonth, String orJoiners, String rangeJoiners, String units) {
    }

    /** Time expressions; {@code H} stands for an hour. */
    record Times(String before, String after, String at, String noon, Map<Pattern, TimeOfDay> named, Pattern insteadOf) {
    }

    record Source(String locale, List<String> markers, List<String> greetings, String yes, String no,
            Map<String, CueSource> intents, List<String> vocabulary, @JsonProperty("common-words") List<String> commonWords,
            @JsonProperty("location-generic") List<String> locationGeneric,
            @JsonProperty("location-words") Map<String, String> locationWords, DateSource dates, TimeSource times,
            @JsonProperty("visit-types") Map<String, String> visitTypes, List<RoleSource> roles,
            @JsonProperty("regular-doctor") String regularDoctor, @JsonProperty("name-cues") String nameCues,
            @JsonProperty("name-negations") String nameNegations, String question,
            @JsonProperty("own-appointment") String ownAppointment, String request,
            @JsonProperty("medical-words") List<String> medicalWords, Map<String, String> nicknames) {
    }

    record CueSource(List<String> decisive, List<String> strong, List<String> weak, List<String> veto) {
    }

    record RoleSource(String phrases, List<String> terms) {
    }

    record DateSource(@JsonProperty("numeric-order") String numericOrder, Map<String, String> weekdays,
            Map<Integer, String> months, Map<String, int[]> relative, Map<String, String> spans, List<String> past,
            @JsonProperty("next-week-after") String nextWeekAfter, @JsonProperty("next-week-before") String nextWeekBefore,
            @JsonProperty("a-week-from") String aWeekFrom, @JsonProperty("moved-from") String movedFrom,
            String next, @JsonProperty("in-days") String inDays, @JsonProperty("day-words") String dayWords,
            @JsonProperty("week-words") String weekWords, Map<String, Integer> numbers,
            @JsonProperty("day-idioms") Map<Integer, Integer> dayIdioms, String ordinal,
            @JsonProperty("weekday-ordinal") String weekdayOrdinal, @JsonProperty("month-day") String monthDay,
            @JsonProperty("day-month") String dayMonth, @JsonProperty("early-month") String earlyMonth,
            @JsonProperty("mid-month") String midMonth, @JsonProperty("late-month") String lateMonth,
            @JsonProperty("or-joiners") String orJoiners, @JsonProperty("range-joiners") String rangeJoiners,
            String units) {
    }

    record TimeSource(String before, String after, String at, String noon, Map<String, String> named,
            @JsonProperty("instead-of") String insteadOf) {
    }

    static LanguageData load(String code) {
        return of(code, LanguageFiles.read(code, "understanding", Source.class));
    }

    static LanguageData of(String code, Source s) {
        Map<Intent, Cues> intents = new EnumMap<>(Intent.class);
        s.intents().forEach((name, c) -> intents.put(Intent.of(name),
                new Cues(cues(c.decisive()), cues(c.strong()), cues(c.weak()), cues(c.veto()))));
        Map<String, Pattern> visitTypes = new LinkedHashMap<>();
        orEmpty(s.visitTypes()).forEach((type, regex) -> visitTypes.put(type, cue(regex)));
        List<Role> roles = new ArrayList<>();
        orEmpty(s.roles()).forEach(r -> roles.add(new Role(cue(r.phrases()),
                r.terms().stream().map(TextNormalizer::normalize).toList())));
        List<Pattern> greetings = orEmpty(s.greetings()).stream().map(Pattern::compile).toList();
        return new LanguageData(code, Locale.forLanguageTag(s.locale()), Set.copyOf(orEmpty(s.markers())), greetings,
                cue(s.yes()), cue(s.no()), intents, orEmpty(s.vocabulary()).stream().distinct().sorted().toList(),
                Set.copyOf(orEmpty(s.commonWords())), Set.copyOf(orEmpty(s.locationGeneric())), orEmpty(s.locationWords()),
                dates(s.dates()), times(s.times()), visitTypes, List.copyOf(roles), cue(s.regularDoctor()),
                Pattern.compile("^(?:" + s.nameCues() + ")$"),
                Pattern.compile("(?<![a-z0-9])(?:" + s.nameNegations() + ")(?: (?:the|el|la|a|al|to|with|con|see|ver|dr|dra|doctor|doctora|my|mi))* $"),
                cue(s.question()), cue(s.ownAppointment()), cue(s.request()), Set.copyOf(orEmpty(s.medicalWords())),
                orEmpty(s.nicknames()));
    }

    private static Dates dates(DateSource d) {
        Map<java.time.DayOfWeek, Pattern> weekdays = new EnumMap<>(java.time.DayOfWeek.class);
        d.weekdays().forEach((day, regex) -> weekdays.put(java.time.DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)),
                Pattern.compile("(?:" + regex + ")")));
        Map<Integer, Pattern> months = new LinkedHashMap<>();
        d.months().forEach((month, regex) -> months.put(month, Pattern.compile("(?:" + regex + ")")));
        String weekdayAlternatives = "(?:" + String.join("|", d.weekdays().values()) + ")";
        String monthAlternatives = "(?:" + String.join("|", d.months().values()) + ")";
        Map<Pattern, int[]> relative = new LinkedHashMap<>();
        d.relative().forEach((regex, days) -> relative.put(cue(regex), days));
        Map<Pattern, String> spans = new LinkedHashMap<>();
        d.spans().forEach((regex, span) -> spans.put(cue(regex), span));
        List<Pattern> past = orEmpty(d.past()).stream().map(r -> cue(r.replace("WEEKDAY", weekdayAlternatives))).toList();
        return new Dates(d.numericOrder(), weekdays, months, weekdayAlternatives, monthAlternatives, relative, spans, past,
                d.nextWeekAfter(), d.nextWeekBefore(), d.aWeekFrom(), d.movedFrom(), d.next(), d.inDays(), d.dayWords(), d.weekWords(), orEmpty(d.numbers()),
                orEmpty(d.dayIdioms()), d.ordinal(), d.weekdayOrdinal(), d.monthDay(), d.dayMonth(), d.earlyMonth(),
                d.midMonth(), d.lateMonth(), d.orJoiners(), d.rangeJoiners(), d.units());
    }

    private static Times times(TimeSource t) {
        Map<Pattern, TimeOfDay> named = new LinkedHashMap<>();
        t.named().forEach((regex, time) -> named.put(cue(regex), TimeOfDay.parse(time)));
        return new Times(t.before(), t.after(), t.at(), t.noon(), named, cue(t.insteadOf()));
    }

    /** Compiled patterns by their text: data and directory give a bounded set, compiled once each. */
    private static final Map<String, Pattern> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

    /** A phrase pattern that starts at a word boundary (or at the start, for one anchored with ^). */
    static Pattern cue(String regex) {
        return compiled("(?<![a-z0-9])(?:" + regex + ")");
    }

    /** {@code regex} compiled, once. */
    static Pattern compiled(String regex) {
        return COMPILED.computeIfAbsent(regex, Pattern::compile);
    }

    private static List<Pattern> cues(List<String> regexes) {
        return orEmpty(regexes).stream().map(LanguageData::cue).toList();
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }
}
