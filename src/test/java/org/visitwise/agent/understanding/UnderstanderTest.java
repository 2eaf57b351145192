package org.visitwise.agent.understanding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Understanding as pure functions of the text, the practice and the day: the kinds of request the
 * assistant used to get wrong, each as the patient wrote it. "Today" is Wednesday 2 December 2026.
 */
class UnderstanderTest {

    private static final Understander UNDERSTANDER = Understander.forLanguages(List.of("en", "es"));

    private static Understood read(String text) {
        return UNDERSTANDER.understand(text, "en", CorpusPractice.PRACTICE, CorpusPractice.TODAY, CorpusPractice.REGULAR);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hi, I need a follow-up next week.|book",
            "what appointments do I have?|list",
            "Do you have anything tomorrow morning?|book",
            "am I still booked tomorrow?|list",
            "I need an appointment to go over my lab results|book",
            "not cancelling, just need a new time|reschedule",
            "move my Thursday one to next week|reschedule",
            "I won't make it thursday, sorry|cancel",
            "cancel|cancel",
            "what can you do?|help",
            "should I stop my metformin before the colonoscopy?|clinical",
            "do you take Aetna?|other",
            "necesito una cita con el doctor|book",
            "no voy a poder ir el jueves, me la pueden cambiar para la semana que viene?|reschedule",
            "cuales son mis citas|list",
            "I'd like to book a skin cancer screening|book",
            "quiero una cita para revisarme, hay cancer en mi familia|book" })
    void intents(String text, String intent) {
        assertEquals(intent, read(text).intent().code(), text);
    }

    @ParameterizedTest(name = "{0} -> {1}..{2}")
    @CsvSource(delimiter = '|', value = {
            "can I come in today|2026-12-02|2026-12-02",
            "need appt tmrw|2026-12-03|2026-12-03",
            "this Friday?|2026-12-04|2026-12-04",
            "next Friday?|2026-12-04|2026-12-04",
            "Friday next week|2026-12-11|2026-12-11",
            "a week from friday|2026-12-11|2026-12-11",
            "next week|2026-12-07|2026-12-13",
            "sometime this week|2026-12-02|2026-12-06",
            "in two weeks|2026-12-16|2026-12-16",
            "the 14th|2026-12-14|2026-12-14",
            "Monday the 14th|2026-12-14|2026-12-14",
            "end of the month|2026-12-28|2026-12-31",
            "12/10|2026-12-10|2026-12-10",
            "Dec 10|2026-12-10|2026-12-10",
            "Jan 5 at 9|2027-01-05|2027-01-05",
            "early January|2027-01-01|2027-01-10",
            "Tuesday or Thursday next week|2026-12-08|2026-12-10",
            "I hurt it Sunday, anything tomorrow?|2026-12-03|2026-12-03",
            "they put the stitches in last Tuesday, tomorrow morning?|2026-12-03|2026-12-03",
            "mañana en la mañana|2026-12-03|2026-12-03",
            "pasado mañana|2026-12-04|2026-12-04",
            "el lunes 14|2026-12-14|2026-12-14",
            "el 14/12|2026-12-14|2026-12-14",
            "la semana que viene|2026-12-07|2026-12-13",
            "en quince días|2026-12-16|2026-12-16",
            "a principios de enero|2027-01-01|2027-01-10" })
    void days(String text, String from, String to) {
        Understood u = read(text);
        assertEquals(LocalDate.parse(from), u.from(), text);
        assertEquals(LocalDate.parse(to), u.to(), text);
    }

    @Test
    void aRescheduleReadsTheDayMovedToNotTheDayMovedFrom() {
        Understood u = read("hi i want to change my apointment from tomorrow to monday");
        assertEquals(Intent.RESCHEDULE, u.intent());
        assertEquals(LocalDate.of(2026, 12, 7), u.from());
        Understood es = read("me cambian la cita del 14 para el 21?");
        assertEquals(LocalDate.of(2026, 12, 21), es.from());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "anything before noon?|before 12:00",
            "after 3 if possible|after 15:00",
            "at 10 please|at 10:00",
            "around 4ish|at 16:00",
            "lunchtime?|at 12:00",
            "mornings work best|morning",
            "not before 10|after 10:00",
            "después de las 3:30|after 15:30",
            "en la tarde|afternoon",
            "can you move my 2:30 to 4:30?|at 16:30" })
    void timesOfDay(String text, String time) {
        assertEquals(time, String.valueOf(read(text).time()), text);
    }

    @Test
    void aGreetingIsNotATime() {
        assertNull(read("Good morning! I'd like to book a checkup with Dr. Haddad").time());
        assertNull(read("Morning! can I see Kim on Friday?").time());
        assertNull(read("buenos días, quiero una cita el viernes").time());
        assertEquals("afternoon", String.valueOf(read("Morning! Got anything this afternoon with the NP?").time()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "book a follow-up with Dr. Okafor next week|p-okafor",
            "can i see okafr this friday|p-okafor",
            "appointment with Samuel please|p-okafor",
            "is dr okafor-test taking new patients?|p-okafor",
            "dr garcia lopez for my son|p-garcia",
            "la doctora García|p-garcia",
            "with the nurse practitioner|p-nguyen",
            "the heart doctor please|p-smith",
            "Dr O'Neill this week?|p-oneil",
            "Can I see Dr Weii about a rash|p-wei",
            "need the skin doctor|p-wei",
            "orthopedics PA for my knee|p-brennan",
            "my regular doctor, next week|p-okafor",
            "una cita con el pediatra|p-garcia",
            "el del corazón|p-smith" })
    void practitioners(String text, String practitioner) {
        assertEquals(practitioner, read(text).practitionerId(), text);
    }

    @Test
    void nobodyIsGuessedFromOrdinaryWordsOrTwoNames() {
        assertNull(read("tell me a joke").practitionerId(), "'joke' is not José");
        assertNull(read("I need a strep test tomorrow").practitionerId(), "'test' is not Okafor-Test");
        assertNull(read("would like a physical with any available provider").practitionerId());
        assertNull(read("Kim or Patricia, whoever is free").practitionerId(), "two practitioners: the dialogue asks");
        assertNull(read("a family doctor, any").practitionerId(), "a role two practitioners hold");
        assertEquals("p-haddad", read("the family doctor that is not Dr Okafor, Haddad I think").practitionerId());
    }

    @Test
    void theRegularDoctorIsAskedForOnlyWhenTheTextSaysSo() {
        AtomicInteger asked = new AtomicInteger();
        var counting = (java.util.function.Supplier<Optional<String>>) () -> {
            asked.incrementAndGet();
            return Optional.of("p-haddad");
        };
        var practice = CorpusPractice.PRACTICE;
        assertEquals("p-haddad", UNDERSTANDER.understand("my pcp next week", "en", practice, CorpusPractice.TODAY, counting)
                .practitionerId());
        assertEquals(1, asked.get());
        UNDERSTANDER.understand("Dr. Wei next week", "en", practice, CorpusPractice.TODAY, counting);
        UNDERSTANDER.understand("a follow-up next week", "en", practice, CorpusPractice.TODAY, counting);
        assertEquals(1, asked.get(), "no lookup when no one says 'my doctor'");
    }

    @Test
    void locationsVisitTypesAndLanguage() {
        Understood u = read("anything open at elm street this afternoon for a physical?");
        assertEquals("loc-north", u.locationId());
        assertEquals("annual-physical", u.visitType());
        assertEquals("loc-down", read("en la clínica del centro").locationId());
        assertEquals("loc-north", read("la clinica del norte por favor").locationId());
        assertEquals("es", read("cancelar").language());
        assertEquals("es", read("necesito una cita de seguimiento con la doctora Garcia").language());
        assertEquals("en", read("I need a follow-up").language());
        assertEquals("follow-up", read("necesito una cita de seguimiento").visitType());
        assertEquals("new-patient", read("I've never been to your practice before").visitType());
    }

    @Test
    void yesAndNoInEitherLanguage() {
        assertEquals(Optional.of(true), UNDERSTANDER.answer("yes please"));
        assertEquals(Optional.of(true), UNDERSTANDER.answer("sí, claro"));
        assertEquals(Optional.of(false), UNDERSTANDER.answer("no, keep it"));
        assertEquals(Optional.of(false), UNDERSTANDER.answer("mejor no"));
        assertEquals(Optional.empty(), UNDERSTANDER.answer("what times are there on Friday?"));
        assertTrue(UNDERSTANDER.languages().containsAll(List.of("en", "es")));
    }
}
