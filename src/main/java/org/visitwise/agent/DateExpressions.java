package org.visitwise.agent;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.visitwise.scheduling.PartOfDay;

/**
 * Reads the date and part of day out of short patient phrases: "tomorrow", "next Tuesday
 * afternoon", "in 3 days", "Nov 25", "25 November", "11/25", "2026-11-25". Whatever it finds is
 * always said back to the patient before anything is booked.
 */
public final class DateExpressions {

    /** What was understood; either part may be absent. */
    public record When(Optional<LocalDate> date, Optional<PartOfDay> partOfDay) {
    }

    private static final Map<String, Integer> NUMBERS = Map.of("one", 1, "two", 2, "three", 3, "four", 4, "five", 5,
            "six", 6, "seven", 7, "a", 1);
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern US = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})(?:/(\\d{2,4}))?\\b");
    private static final Pattern IN_DAYS = Pattern.compile("\\bin (\\d{1,2}|one|two|three|four|five|six|seven|a) (day|days|week|weeks)\\b");
    private static final Pattern MONTH_DAY = Pattern.compile(
            "\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.? (\\d{1,2})(?:st|nd|rd|th)?(?:,? (\\d{4}))?\\b");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "\\b(\\d{1,2})(?:st|nd|rd|th)? (?:of )?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\b(?:,? (\\d{4}))?");
    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(next|this|on) )?(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\\b");

    private DateExpressions() {
    }

    public static When parse(String text, LocalDate today) {
        String t = text.toLowerCase(Locale.ROOT);
        return new When(date(t, today), partOfDay(t));
    }

    private static Optional<PartOfDay> partOfDay(String t) {
        if (t.matches(".*\\b(morning|am|a\\.m\\.)\\b.*")) {
            return Optional.of(PartOfDay.MORNING);
        }
        if (t.matches(".*\\b(afternoon|pm|p\\.m\\.)\\b.*")) {
            return Optional.of(PartOfDay.AFTERNOON);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String t, LocalDate today) {
        if (t.matches(".*\\bday after tomorrow\\b.*")) {
            return Optional.of(today.plusDays(2));
        }
        if (t.matches(".*\\btomorrow\\b.*")) {
            return Optional.of(today.plusDays(1));
        }
        if (t.matches(".*\\btoday\\b.*")) {
            return Optional.of(today);
        }
        Matcher m = ISO.matcher(t);
        if (m.find()) {
            return safe(() -> LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        Matcher in = IN_DAYS.matcher(t);
        if (in.find()) {
            int n = in.group(1).matches("\\d+") ? Integer.parseInt(in.group(1)) : NUMBERS.get(in.group(1));
            return Optional.of(in.group(2).startsWith("week") ? today.plusWeeks(n) : today.plusDays(n));
        }
        Matcher md = MONTH_DAY.matcher(t);
        if (md.find()) {
            return withYear(month(md.group(1)), Integer.parseInt(md.group(2)), md.group(3), today);
        }
        Matcher dm = DAY_MONTH.matcher(t);
        if (dm.find()) {
            return withYear(month(dm.group(2)), Integer.parseInt(dm.group(1)), dm.group(3), today);
        }
        Matcher us = US.matcher(t);
        if (us.find()) {
            String year = us.group(3) == null ? null : (us.group(3).length() == 2 ? "20" + us.group(3) : us.group(3));
            return withYear(safeMonth(Integer.parseInt(us.group(1))), Integer.parseInt(us.group(2)), year, today);
        }
        Matcher wd = WEEKDAY.matcher(t);
        if (wd.find()) {
            DayOfWeek day = weekday(wd.group(2));
            LocalDate next = today.plusDays(1);
            while (next.getDayOfWeek() != day) {
                next = next.plusDays(1);
            }
            return Optional.of(next);
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> withYear(Month month, int day, String year, LocalDate today) {
        if (month == null) {
            return Optional.empty();
        }
        if (year != null) {
            return safe(() -> LocalDate.of(Integer.parseInt(year), month, day));
        }
        Optional<LocalDate> thisYear = safe(() -> LocalDate.of(today.getYear(), month, day));
        if (thisYear.isPresent() && thisYear.get().isBefore(today)) {
            return safe(() -> LocalDate.of(today.getYear() + 1, month, day));
        }
        return thisYear;
    }

    private static Month month(String prefix) {
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT).startsWith(prefix.substring(0, 3))) {
                return m;
            }
        }
        return null;
    }

    private static Month safeMonth(int month) {
        return month >= 1 && month <= 12 ? Month.of(month) : null;
    }

    private static DayOfWeek weekday(String prefix) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.getDisplayName(TextStyle.FULL, Locale.US).toLowerCase(Locale.ROOT).startsWith(prefix.substring(0, 3))) {
                return d;
            }
        }
        throw new IllegalArgumentException("not a weekday");
    }

    private static Optional<LocalDate> safe(java.util.function.Supplier<LocalDate> date) {
        try {
            return Optional.of(date.get());
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }
}
