package org.visitwise.agent.understanding;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visitwise.agent.understanding.LanguageData.Times;
import org.visitwise.agent.understanding.TimeOfDay.Kind;

/**
 * Reads the time of day a patient asks for: "before noon", "after 3" (15:00: a practice's afternoon
 * hours are meant), "at 10", "4ish", "lunchtime", "mornings", "en la tarde". Greetings are already out
 * of the text. An explicit time wins over a part of the day; in a reschedule the last one said counts,
 * unless it is the time moved away from ("instead of 9").
 */
final class TimeReader {

    private record Mention(int start, TimeOfDay time, boolean explicit) {
    }

    private static final Pattern HOUR = Pattern.compile("(\\d{1,2})(?::(\\d{2}))? ?(am|pm|a m|p m)?");

    private final Times t;
    private final StringBuilder text;
    private final String hour;
    private final List<Mention> mentions = new ArrayList<>();

    private TimeReader(String text, Times times, String units) {
        this.t = times;
        this.text = new StringBuilder(text);
        this.hour = "(?<![\\d/:.-])(\\d{1,2}(?::\\d{2})?(?: ?(?:am|pm|a m|p m)(?![a-z]))?|" + times.noon()
                + ")(?![\\d/]|[:.]\\d| ?(?:" + units + ")(?![a-z]))";
    }

    static Optional<TimeOfDay> read(String text, Times times, String units, boolean reschedule) {
        TimeReader reader = new TimeReader(text, times, units);
        reader.find(times.after(), Kind.AFTER);
        reader.find(times.before(), Kind.BEFORE);
        reader.find(times.at(), Kind.AT);
        for (Map.Entry<Pattern, TimeOfDay> named : times.named().entrySet()) {
            Matcher m = named.getKey().matcher(reader.text);
            while (m.find()) {
                reader.record(m.start(), m.end(), named.getValue(), false);
            }
        }
        return reader.choose(text, reschedule);
    }

    private void find(String regex, Kind kind) {
        Matcher m = LanguageData.cue(regex.replace("(H)", hour)).matcher(text);
        while (m.find()) {
            String value = null;
            for (int i = 1; i <= m.groupCount() && value == null; i++) {
                value = m.group(i);
            }
            LocalTime time = value == null ? null : hour(value);
            if (time != null) {
                record(m.start(), m.end(), new TimeOfDay(kind, time), true);
            }
        }
    }

    private void record(int start, int end, TimeOfDay time, boolean explicit) {
        mentions.add(new Mention(start, time, explicit));
        for (int i = start; i < end; i++) {
            text.setCharAt(i, '#');
        }
    }

    private Optional<TimeOfDay> choose(String original, boolean reschedule) {
        List<Mention> wanted = mentions.stream().filter(m -> !movedAwayFrom(original, m))
                .sorted(Comparator.comparingInt(Mention::start)).toList();
        if (wanted.isEmpty()) {
            return Optional.empty();
        }
        if (reschedule) {
            return Optional.of(wanted.get(wanted.size() - 1).time());
        }
        return Optional.of(wanted.stream().filter(Mention::explicit).findFirst().orElse(wanted.get(0)).time());
    }

    private boolean movedAwayFrom(String original, Mention m) {
        String before = original.substring(0, m.start()).trim();
        Matcher instead = t.insteadOf().matcher(before);
        while (instead.find()) {
            if (instead.end() == before.length()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "3", "3:30", "3pm", "15:00", "noon". Without am or pm, 1 to 6 are afternoon hours and 7 to 11
     * morning ones: what a patient of a practice open in the day means.
     */
    private LocalTime hour(String value) {
        String v = value.trim();
        if (LanguageData.compiled(t.noon()).matcher(v).matches()) {
            return LocalTime.NOON;
        }
        Matcher m = HOUR.matcher(v);
        if (!m.matches()) {
            return null;
        }
        int h = Integer.parseInt(m.group(1));
        int minutes = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        String half = m.group(3) == null ? null : m.group(3).replace(" ", "");
        if (h > 23 || minutes > 59 || half != null && (h == 0 || h > 12)) {
            return null;
        }
        if ("pm".equals(half) && h < 12) {
            h += 12;
        } else if ("am".equals(half) && h == 12) {
            h = 0;
        } else if (half == null && h >= 1 && h <= 6) {
            h += 12;
        }
        return LocalTime.of(h, minutes);
    }
}
