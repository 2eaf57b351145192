package org.visitwise.agent;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks identifiers in a patient's text before it may go to a language model: e-mail addresses,
 * phone numbers, SSN- and MRN-like numbers, street addresses, and dates that look like birth dates
 * (a full date in a year before {@code thisYear}). Scheduling words ("next Tuesday", "Nov 25") pass
 * untouched. The year is an input: it comes from the application's clock, never the machine's.
 */
public final class PhiFirewall {

    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+\\-]+@[A-Za-z0-9.\\-]+\\.[A-Za-z]{2,}");
    private static final Pattern SSN = Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b");
    private static final Pattern PHONE = Pattern.compile("(?<!\\w)(\\+?1[ .-]?)?\\(?\\d{3}\\)?[ .-]?\\d{3}[ .-]?\\d{4}(?!\\w)");
    private static final Pattern LONG_NUMBER = Pattern.compile("\\b(?:mrn|id|member|account)?\\s*#?\\s*[A-Z]{0,3}-?\\d{6,}\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ADDRESS = Pattern.compile(
            "\\b\\d{1,6}\\s+(?:[A-Z][a-z]+\\s+){1,3}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|boulevard|blvd|way|court|ct|place|pl)\\b\\.?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern ISO_DATE = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern US_DATE = Pattern.compile("\\b(\\d{1,2})/(\\d{1,2})/(\\d{4})\\b");
    private static final Pattern BORN = Pattern.compile("\\b(born|dob|date of birth|birthday)\\b[^.,;]*", Pattern.CASE_INSENSITIVE);

    private PhiFirewall() {
    }

    public static String mask(String text, int thisYear) {
        if (text == null) {
            return null;
        }
        String t = EMAIL.matcher(text).replaceAll("[email]");
        t = SSN.matcher(t).replaceAll("[id-number]");
        t = BORN.matcher(t).replaceAll("[birth date]");
        t = pastDates(ISO_DATE, t, 1, thisYear);
        t = pastDates(US_DATE, t, 3, thisYear);
        t = PHONE.matcher(t).replaceAll("[phone]");
        t = LONG_NUMBER.matcher(t).replaceAll("[id-number]");
        return ADDRESS.matcher(t).replaceAll("[address]");
    }

    private static String pastDates(Pattern pattern, String text, int yearGroup, int thisYear) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int year = Integer.parseInt(m.group(yearGroup));
            m.appendReplacement(out, year < thisYear ? "[date]" : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }
}
