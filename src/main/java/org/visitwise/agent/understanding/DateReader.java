package org.visitwise.agent.understanding;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visitwise.agent.understanding.LanguageData.Dates;

/**
 * Reads the day or days a patient asks for out of a normalised message, counted from {@code today}
 * in the practice's calendar: "tomorrow", "Friday next week", "the 14th", "Monday the 14th", "12/10",
 * "Dec 10", "in two weeks", "next week", "end of the month", "early January", "Tuesday or Thursday"
 * (a range), "mañana o pasado"... A day the text puts in the past ("last Tuesday") is not asked for.
 * For a reschedule the day moved to is the one that counts: the last one said.
 */
final class DateReader {

    /** One day expression found in the text, at {@code start}..{@code end}. */
    record Mention(int start, int end, LocalDate from, LocalDate to, boolean bareWeekday) {
    }

    /** The days asked for, inclusive. */
    record Days(LocalDate from, LocalDate to) {
    }

    private static final char MASK = '#';

    private final Dates d;
    private final LocalDate today;
    private final StringBuilder text;
    private final List<Mention> mentions = new ArrayList<>();

    private DateReader(String text, Dates dates, LocalDate today) {
        this.d = dates;
        this.today = today;
        this.text = new StringBuilder(text);
    }

    static Optional<Days> read(String text, Dates dates, LocalDate today, boolean reschedule) {
        DateReader reader = new DateReader(text, dates, today);
        reader.findAll();
        return reader.choose(text, reschedule);
    }

    private void findAll() {
        d.past().forEach(p -> find(p, m -> null));
        find("(\\d{4})-(\\d{1,2})-(\\d{1,2})", m -> single(date(num(m, 1), num(m, 2), num(m, 3))));
        find("(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?(?![\\d/])", this::numeric);
        find(withWeekday(d.weekdayOrdinal()), m -> single(dayOfMonth(num(m, 2))));
        String continuation = "(?: (?:" + d.orJoiners() + "|" + d.rangeJoiners() + ") (\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]))?";
        find(withMonth(d.monthDay()) + continuation, m -> monthDay(month(m.group(1)), num(m, 2), m.group(3), m.group(4)));
        find(withMonth(d.dayMonth()), m -> monthDay(month(m.group(2)), num(m, 1), m.group(3), null));
        find(withMonth(d.earlyMonth()), m -> partOfMonth(firstGroup(m), 1, 10));
        find(withMonth(d.midMonth()), m -> partOfMonth(firstGroup(m), 11, 20));
        find(withMonth(d.lateMonth()), m -> partOfMonth(firstGroup(m), 21, 31));
        find("(?:el |the )?(" + d.weekdayAlternatives() + ")(?![a-z]) (?:" + d.nextWeekAfter() + ")",
                m -> single(nextWeek().with(TemporalAdjusters.nextOrSame(weekday(m.group(1))))));
        find("(?:" + d.nextWeekBefore() + ") (" + d.weekdayAlternatives() + ")(?![a-z])",
                m -> single(nextWeek().with(TemporalAdjusters.nextOrSame(weekday(m.group(1))))));
        find("(?:" + d.aWeekFrom() + ") (" + d.weekdayAlternatives() + ")(?![a-z])",
                m -> single(coming(weekday(m.group(1))).plusWeeks(1)));
        d.relative().forEach((p, days) -> find(p, m -> new Mention(0, 0, today.plusDays(days[0]), today.plusDays(days[1]),
                false)));
        String count = "(\\d{1,2}|" + String.join("|", d.numbers().keySet()) + ")";
        find("(?:" + d.inDays() + ") (?:a |un |una )?" + count + " (?:of |de )?(" + d.dayWords() + "|" + d.weekWords() + ")(?![a-z])",
                this::inDays);
        d.spans().forEach((p, span) -> find(p, m -> span(span)));
        find("(?:(?:" + d.next() + ") )?(" + d.weekdayAlternatives() + ")(?![a-z])",
                m -> new Mention(0, 0, coming(weekday(m.group(1))), coming(weekday(m.group(1))), true));
        find("(?:" + d.ordinal() + ")(?! (?:" + d.units() + ")(?![a-z]))", m -> single(dayOfMonth(Integer.parseInt(firstGroup(m)))));
    }

    /**
     * Days said side by side are one request: "Tuesday or Thursday" a range, "Tues 12/8" one day. Of
     * what remains the last one said counts (patients tell, then ask: "I hurt it Sunday, can I come in
     * tomorrow?"); in a reschedule a day said as the one moved from ("my Thursday one", "instead of
     * next week") does not.
     */
    private Optional<Days> choose(String original, boolean reschedule) {
        mentions.sort(Comparator.comparingInt(Mention::start));
        List<Mention> merged = new ArrayList<>();
        for (Mention m : mentions) {
            if (reschedule && movedFrom(original, m)) {
                continue;
            }
            Mention last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            String gap = last == null ? null : original.substring(Math.min(last.end(), m.start()), m.start()).trim();
            if (last == null) {
                merged.add(m);
            } else if (LanguageData.compiled("|the|el|on|on the").matcher(gap).matches() && sameDay(last, m)) {
                merged.set(merged.size() - 1, last.bareWeekday() ? m : last);
            } else if (gap.isEmpty() && !last.bareWeekday() && !m.bareWeekday()) {
                // a list of days ("the 21st 22nd or 23rd"): one request for them all
                merged.set(merged.size() - 1, new Mention(last.start(), m.end(), min(last.from(), m.from()),
                        max(last.to(), m.to()), false));
            } else if (LanguageData.compiled(d.orJoiners()).matcher(gap).matches()
                    || !reschedule && LanguageData.compiled(d.rangeJoiners()).matcher(gap).matches()) {
                merged.set(merged.size() - 1, new Mention(last.start(), m.end(), min(last.from(), m.from()),
                        max(last.to(), m.to()), false));
            } else {
                merged.add(m);
            }
        }
        if (merged.isEmpty()) {
            return Optional.empty();
        }
        Mention chosen = merged.get(merged.size() - 1);
        return Optional.of(new Days(chosen.from(), chosen.to()));
    }

    /** A weekday next to a date of that weekday ("Tues 12/8") says one day twice. */
    private static boolean sameDay(Mention a, Mention b) {
        Mention bare = a.bareWeekday() ? a : b.bareWeekday() ? b : null;
        Mention other = bare == a ? b : a;
        return bare != null && !other.bareWeekday() && other.from().equals(other.to())
                && other.from().getDayOfWeek() == bare.from().getDayOfWeek();
    }

    private boolean movedFrom(String original, Mention m) {
        String before = original.substring(Math.max(0, m.start() - 24), m.start()).trim();
        String head = original.substring(m.start(), m.end());
        return LanguageData.compiled("(?<![a-z0-9])(?:" + d.movedFrom() + ")$").matcher(before).find()
                || LanguageData.compiled("^(?:" + d.movedFrom() + ")(?![a-z])").matcher(head).find();
    }

    /** Finds every match, records what it means (null: nothing to record) and masks it from later patterns. */
    private void find(String regex, Function<Matcher, Mention> meaning) {
        find(LanguageData.cue(regex), meaning);
    }

    private void find(Pattern pattern, Function<Matcher, Mention> meaning) {
        Matcher m = pattern.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            Mention found;
            try {
                found = meaning.apply(m);
            } catch (DateTimeException | IllegalArgumentException e) {
                found = null;
            }
            if (found != null && found.from() != null) {
                mentions.add(new Mention(m.start(), m.end(), found.from(), found.to(), found.bareWeekday()));
            }
            spans.add(new int[] { m.start(), m.end() });
        }
        spans.forEach(s -> {
            for (int i = s[0]; i < s[1]; i++) {
                text.setCharAt(i, MASK);
            }
        });
    }

    private Mention numeric(Matcher m) {
        int a = num(m, 1);
        int b = num(m, 2);
        String year = m.group(3);
        boolean dayFirst = "day-month".equals(d.numericOrder());
        Mention first = dayFirst ? monthDay(b, a, year, null) : monthDay(a, b, year, null);
        return first != null ? first : dayFirst ? monthDay(a, b, year, null) : monthDay(b, a, year, null);
    }

    private Mention monthDay(int month, int day, String year, String untilDay) {
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return null;
        }
        LocalDate date;
        if (year != null) {
            int y = Integer.parseInt(year);
            date = date(y < 100 ? 2000 + y : y, month, day);
        } else {
            date = date(today.getYear(), month, day);
            if (date != null && date.isBefore(today)) {
                date = date(today.getYear() + 1, month, day);
            }
        }
        if (date == null) {
            return null;
        }
        if (untilDay != null) {
            LocalDate until = date(date.getYear(), month, Integer.parseInt(untilDay));
            if (until != null && until.isAfter(date)) {
                return new Mention(0, 0, date, until, false);
            }
        }
        return single(date);
    }

    private Mention partOfMonth(String monthName, int firstDay, int lastDay) {
        int month = month(monthName);
        int year = month < today.getMonthValue() ? today.getYear() + 1 : today.getYear();
        LocalDate first = LocalDate.of(year, month, 1);
        LocalDate from = first.withDayOfMonth(firstDay);
        LocalDate to = first.withDayOfMonth(Math.min(lastDay, first.lengthOfMonth()));
        return new Mention(0, 0, later(from), to, false);
    }

    private Mention inDays(Matcher m) {
        String n = m.group(1);
        int count = n.chars().allMatch(Character::isDigit) ? Integer.parseInt(n) : d.numbers().get(n);
        boolean weeks = LanguageData.compiled(d.weekWords()).matcher(m.group(2)).matches();
        int days = weeks ? count * 7 : d.dayIdioms().getOrDefault(count, count);
        return single(today.plusDays(days));
    }

    private Mention span(String span) {
        return switch (span) {
            case "this-week" -> new Mention(0, 0, today, today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)), false);
            case "next-week" -> new Mention(0, 0, nextWeek(), nextWeek().plusDays(6), false);
            case "two-weeks" -> new Mention(0, 0, today, today.plusWeeks(2), false);
            case "this-month" -> new Mention(0, 0, today, today.with(TemporalAdjusters.lastDayOfMonth()), false);
            case "end-of-month" -> {
                LocalDate last = today.with(TemporalAdjusters.lastDayOfMonth());
                yield new Mention(0, 0, later(last.minusDays(3)), last, false);
            }
            default -> throw new IllegalStateException("unknown span " + span);
        };
    }

    private LocalDate dayOfMonth(int day) {
        for (int i = 0; i < 3; i++) {
            LocalDate month = today.withDayOfMonth(1).plusMonths(i);
            if (day >= 1 && day <= month.lengthOfMonth()) {
                LocalDate date = month.withDayOfMonth(day);
                if (!date.isBefore(today)) {
                    return date;
                }
            }
        }
        return null;
    }

    private LocalDate coming(DayOfWeek day) {
        return today.with(TemporalAdjusters.next(day));
    }

    private LocalDate nextWeek() {
        return today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    }

    private LocalDate later(LocalDate date) {
        return date.isBefore(today) ? today : date;
    }

    private DayOfWeek weekday(String word) {
        for (Map.Entry<DayOfWeek, Pattern> e : d.weekdays().entrySet()) {
            if (e.getValue().matcher(word).matches()) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a weekday");
    }

    private int month(String word) {
        for (Map.Entry<Integer, Pattern> e : d.months().entrySet()) {
            if (e.getValue().matcher(word).matches()) {
                return e.getKey();
            }
        }
        throw new IllegalArgumentException("not a month");
    }

    private String withWeekday(String regex) {
        return regex.replace("WEEKDAY", d.weekdayAlternatives());
    }

    private String withMonth(String regex) {
        return regex.replace("MONTH", d.monthAlternatives());
    }

    private static Mention single(LocalDate date) {
        return date == null ? null : new Mention(0, 0, date, date, false);
    }

    private static LocalDate date(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static String firstGroup(Matcher m) {
        for (int i = 1; i <= m.groupCount(); i++) {
            if (m.group(i) != null) {
                return m.group(i);
            }
        }
        throw new IllegalArgumentException("no group");
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
