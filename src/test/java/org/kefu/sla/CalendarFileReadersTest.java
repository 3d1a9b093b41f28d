package org.kefu.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.kefu.platform.InvalidRequestException;

class CalendarFileReadersTest {

    static final OpeningHours OFFICE = OpeningHours.parse("09:00-12:00,13:30-18:00");

    static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//kefu//test//ZH\r
            BEGIN:VEVENT\r
            UID:spring-festival-2026\r
            DTSTART;VALUE=DATE:20260215\r
            DTEND;VALUE=DATE:20260224\r
            SUMMARY:春节\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20260214\r
            SUMMARY:春节调休上班\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20260228\r
            SUMMARY:Make-up\r
              working day\r
            X-KEFU-HOURS:10:00-16:00\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART:20260301T100000Z\r
            DTEND:20260301T110000Z\r
            SUMMARY:Team meeting\r
            END:VEVENT\r
            BEGIN:VEVENT\r
            DTSTART;VALUE=DATE:20260309\r
            SUMMARY:上班 (but forced off)\r
            X-KEFU-DAY-KIND:HOLIDAY\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    static final String CSV = """
            date,type,hours,name
            # 2026 Spring Festival
            2026-02-15,holiday,,春节
            2026-02-16,休,,春节
            2026-02-14,workday,,春节调休上班
            2026-02-28,班,"10:00-12:00,13:00-17:00",春节调休上班
            """;

    @Test
    void icsAllDayEventsBecomeHolidaysAndWorkingDaysByTheirTitleOrProperty() {
        CalendarImport read = IcsCalendarReader.read(ICS.getBytes(StandardCharsets.UTF_8), OFFICE);
        assertThat(read.skipped()).isEqualTo(1);
        assertThat(read.days()).hasSize(9 + 1 + 1 + 1);
        assertThat(day(read, "2026-02-15").kind()).isEqualTo(CalendarDefinition.Kind.HOLIDAY);
        assertThat(day(read, "2026-02-23").name()).isEqualTo("春节");
        assertThat(read.days()).noneMatch(d -> d.date().equals(LocalDate.parse("2026-02-24")));
        assertThat(day(read, "2026-02-14").kind()).isEqualTo(CalendarDefinition.Kind.WORKDAY);
        assertThat(day(read, "2026-02-14").hours()).isEqualTo(OFFICE);
        assertThat(day(read, "2026-02-28").hours().toString()).isEqualTo("10:00-16:00");
        assertThat(day(read, "2026-02-28").name()).isEqualTo("Make-up working day");
        assertThat(day(read, "2026-03-09").kind()).isEqualTo(CalendarDefinition.Kind.HOLIDAY);
    }

    @Test
    void csvLinesGiveDateTypeHoursAndName() {
        CalendarImport read = CsvCalendarReader.read(CSV.getBytes(StandardCharsets.UTF_8), OFFICE);
        assertThat(read.days()).hasSize(4);
        assertThat(day(read, "2026-02-16").kind()).isEqualTo(CalendarDefinition.Kind.HOLIDAY);
        assertThat(day(read, "2026-02-14").hours()).isEqualTo(OFFICE);
        assertThat(day(read, "2026-02-28").hours().toString()).isEqualTo("10:00-12:00,13:00-17:00");
    }

    @Test
    void badFilesAreRefusedWithTheLineNamed() {
        assertThatThrownBy(() -> CsvCalendarReader.read("2026-02-15,holiday\n2026-13-01,holiday\n".getBytes(), OFFICE))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("file: line 2");
        assertThatThrownBy(() -> CsvCalendarReader.read("2026-02-15,holiday\n2026-02-15,workday\n".getBytes(), OFFICE))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> CsvCalendarReader.read("2026-02-14,workday,22:00-06:00\n".getBytes(), OFFICE))
                .hasMessageContaining("split at 24:00");
        assertThatThrownBy(() -> IcsCalendarReader.read("hello".getBytes(), OFFICE)).hasMessageContaining("not an iCalendar");
        assertThatThrownBy(() -> IcsCalendarReader.read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026xx01\nEND:VEVENT\n".getBytes(), OFFICE))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> IcsCalendarReader.read("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\n".getBytes(), OFFICE))
                .hasMessageContaining("not closed");
        assertThatThrownBy(() -> CsvCalendarReader.read(new byte[CalendarImport.MAX_BYTES + 1], OFFICE)).hasMessageContaining("1 MB");
    }

    private static CalendarDefinition.SpecialDay day(CalendarImport read, String date) {
        return read.days().stream().filter(d -> d.date().equals(LocalDate.parse(date))).findFirst().orElseThrow();
    }
}
