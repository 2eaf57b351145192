package org.visitwise.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.visitwise.scheduling.PartOfDay;

class DateExpressionsTest {

    /** A Sunday. */
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static Optional<LocalDate> date(String text) {
        return DateExpressions.parse(text, TODAY).date();
    }

    @Test
    void relativeDays() {
        assertEquals(Optional.of(TODAY), date("today please"));
        assertEquals(Optional.of(TODAY.plusDays(1)), date("Tomorrow morning"));
        assertEquals(Optional.of(TODAY.plusDays(2)), date("the day after tomorrow"));
        assertEquals(Optional.of(TODAY.plusDays(3)), date("in 3 days"));
        assertEquals(Optional.of(TODAY.plusDays(2)), date("in two days"));
        assertEquals(Optional.of(TODAY.plusWeeks(1)), date("in a week"));
    }

    @Test
    void weekdaysAreTheNextOneAfterToday() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), date("book with Dr. Rivera next Tuesday afternoon"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 24)), date("tues"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 27)), date("on friday"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 29)), date("sunday"), "today is Sunday: the next one");
    }

    @Test
    void explicitDates() {
        assertEquals(Optional.of(LocalDate.of(2026, 11, 25)), date("2026-11-25"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 25)), date("Nov 25"));
        assertEquals(Optional.of(LocalDate.of(2026, 12, 3)), date("December 3rd"));
        assertEquals(Optional.of(LocalDate.of(2026, 12, 3)), date("3 dec"));
        assertEquals(Optional.of(LocalDate.of(2026, 11, 25)), date("11/25"));
        assertEquals(Optional.of(LocalDate.of(2027, 1, 5)), date("1/5"), "a past day of this year means next year");
        assertEquals(Optional.of(LocalDate.of(2027, 3, 15)), date("March 15, 2027"));
        assertTrue(date("13/45").isEmpty(), "not a date");
        assertTrue(date("February 30").isEmpty());
        assertTrue(date("book a follow-up").isEmpty());
    }

    @Test
    void partsOfDay() {
        assertEquals(Optional.of(PartOfDay.AFTERNOON), DateExpressions.parse("next tuesday afternoon", TODAY).partOfDay());
        assertEquals(Optional.of(PartOfDay.MORNING), DateExpressions.parse("Friday morning", TODAY).partOfDay());
        assertTrue(DateExpressions.parse("Friday", TODAY).partOfDay().isEmpty());
    }
}
