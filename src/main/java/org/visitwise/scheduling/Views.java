package org.visitwise.scheduling;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/** How times are shown: in the practice's time zone, with the offset, never without a zone. */
final class Views {

    private static final DateTimeFormatter OFFSET_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    private Views() {
    }

    static LocalTimes localTimes(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end == null ? null : end.atZone(zone);
        return new LocalTimes(OFFSET_TIME.format(s), e == null ? null : OFFSET_TIME.format(e), s.toLocalDate().toString(),
                s.toLocalTime().toString(), s.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US), zone.getId());
    }
}
