package org.kefu.sla;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.kefu.platform.InvalidRequestException;

/**
 * Mutates the sample files at random (seeded, replayable): every outcome must be either a result
 * or a clear InvalidRequestException, never another exception.
 */
class CalendarFileReadersFuzzTest {

    private static final String[] SNIPPETS = {"\n", "\r\n", ",", "\"", ":", ";", "BEGIN:VEVENT\n", "END:VEVENT\n",
            "DTSTART;VALUE=DATE:", "DTEND;VALUE=DATE:99991231", "X-KEFU-DAY-KIND:", "X-KEFU-HOURS:24:00-25:00",
            "班", "00000000", "-", "24:00", "99:99", "\u0000", "\uFEFF", " ", "\t", "2026-02-29", "workday,", "+999999999-12-31"};

    @RepeatedTest(1500)
    void mutatedIcsFilesGiveAResultOrAClearRefusal(RepetitionInfo info) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(7_000L + info.getCurrentRepetition());
        byte[] input = mutate(CalendarFileReadersTest.ICS.getBytes(StandardCharsets.UTF_8), random);
        check(() -> IcsCalendarReader.read(input, CalendarFileReadersTest.OFFICE), info);
    }

    @RepeatedTest(1500)
    void mutatedCsvFilesGiveAResultOrAClearRefusal(RepetitionInfo info) {
        RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(9_000L + info.getCurrentRepetition());
        byte[] input = mutate(CalendarFileReadersTest.CSV.getBytes(StandardCharsets.UTF_8), random);
        check(() -> CsvCalendarReader.read(input, random.nextBoolean() ? CalendarFileReadersTest.OFFICE : OpeningHours.CLOSED), info);
    }

    private static void check(Runnable read, RepetitionInfo info) {
        try {
            read.run();
        } catch (InvalidRequestException expected) {
            Assertions.assertFalse(expected.problems().isEmpty());
        } catch (RuntimeException e) {
            Assertions.fail("repetition " + info.getCurrentRepetition() + " escaped with " + e, e);
        }
    }

    static byte[] mutate(byte[] sample, RandomGenerator random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : sample) {
            bytes.add(b);
        }
        int mutations = 1 + random.nextInt(8);
        for (int m = 0; m < mutations; m++) {
            int at = bytes.isEmpty() ? 0 : random.nextInt(bytes.size());
            switch (random.nextInt(6)) {
                case 0 -> { // flip a byte
                    if (!bytes.isEmpty()) {
                        bytes.set(at, (byte) random.nextInt(256));
                    }
                }
                case 1 -> { // delete a run
                    int n = Math.min(bytes.size() - at, 1 + random.nextInt(20));
                    for (int i = 0; i < n && at < bytes.size(); i++) {
                        bytes.remove(at);
                    }
                }
                case 2 -> { // insert a meaningful snippet
                    byte[] s = SNIPPETS[random.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8);
                    for (int i = s.length - 1; i >= 0; i--) {
                        bytes.add(at, s[i]);
                    }
                }
                case 3 -> { // duplicate a run (repeated lines, nested events)
                    int n = Math.min(bytes.size() - at, 1 + random.nextInt(60));
                    List<Byte> run = new ArrayList<>(bytes.subList(at, at + n));
                    bytes.addAll(at, run);
                }
                case 4 -> { // truncate
                    while (bytes.size() > at) {
                        bytes.removeLast();
                    }
                }
                default -> { // replace a digit with another digit
                    for (int i = at; i < bytes.size(); i++) {
                        if (bytes.get(i) >= '0' && bytes.get(i) <= '9') {
                            bytes.set(i, (byte) ('0' + random.nextInt(10)));
                            break;
                        }
                    }
                }
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }
}
