package org.kefu.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Seeded random mutation of the corpus: byte flips, truncation, duplicated headers, damaged
 * boundaries, swapped charset and transfer-encoding names, huge lines, deep nesting. The parser
 * must never throw, never hang and always give the non-null fields its contract promises.
 * Override the seed with {@code -Dkefu.mail.fuzz.seed=...} and the count with
 * {@code -Dkefu.mail.fuzz.inputs=...}; a failure prints the seed, the input number and writes the
 * input to target/mail-fuzz-failure.eml.
 */
class MailParserFuzzTest {

    private static final long DEFAULT_SEED = 0x6B656675L; // "kefu"
    private static final String[] CHARSETS = {"utf-8", "gb2312", "GBK", "gb18030", "big5", "iso-2022-jp",
            "iso-8859-1", "windows-1252", "us-ascii", "utf-16", "utf-32", "x-unknown", "", "\"", "utf-7",
            "shift_jis", "koi8-r", "hz-gb-2312", "ISO-2022-CN", "../../etc/passwd", "a".repeat(300)};
    private static final String[] ENCODINGS = {"base64", "quoted-printable", "7bit", "8bit", "binary",
            "x-uuencode", "bAsE64", "junk", ""};

    private final JakartaMailParser parser = new JakartaMailParser(DataSize.ofMegabytes(4));

    @Test
    void mutatedMailNeverBreaksTheParser() throws IOException {
        long seed = Long.getLong("kefu.mail.fuzz.seed", DEFAULT_SEED);
        int inputs = Integer.getInteger("kefu.mail.fuzz.inputs", 20_000);
        List<byte[]> corpus = new ArrayList<>();
        for (String file : MailCorpusTest.corpusFiles()) {
            corpus.add(MailCorpusTest.corpusFile(file));
        }
        SplittableRandom random = new SplittableRandom(seed);
        int[] fellBack = {0};
        AtomicInteger current = new AtomicInteger();
        AtomicReference<byte[]> currentInput = new AtomicReference<>(new byte[0]);
        // a hang guard only: the machine may be shared, so the per-input limit counts CPU time
        Assertions.assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            long cpuStarted = cpuNanos();
            for (int i = 0; i < inputs; i++) {
                byte[] input = mutate(corpus.get(random.nextInt(corpus.size())), random);
                current.set(i);
                currentInput.set(input);
                long started = cpuNanos();
                try {
                    ParsedMail mail = parser.parse(input);
                    assertWellFormed(mail);
                    if (mail.problems().stream().anyMatch(p -> p.startsWith("the mail could not be read as MIME"))) {
                        fellBack[0]++;
                    }
                    long millis = (cpuNanos() - started) / 1_000_000;
                    assertThat(millis).as("CPU time to parse input %d", i).isLessThan(2_000);
                } catch (Throwable e) {
                    fail("input " + i + " with -Dkefu.mail.fuzz.seed=" + seed + " (written to " + save(input) + ")", e);
                }
            }
            System.out.printf("mail fuzz: %d inputs, seed %d, %d ms CPU%n", inputs, seed,
                    (cpuNanos() - cpuStarted) / 1_000_000);
        }, () -> "fuzzing took over 5 minutes, stuck at input " + current.get() + " with -Dkefu.mail.fuzz.seed=" + seed
                + " (written to " + save(currentInput.get()) + ")");
        // the whole-mail fallback is a last resort: mutations must be handled part by part
        assertThat(fellBack[0]).as("inputs that could only be kept as raw text").isLessThan(inputs / 100 + 1);
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static Path save(byte[] input) {
        Path saved = Path.of("target", "mail-fuzz-failure.eml");
        try {
            Files.createDirectories(saved.getParent());
            Files.write(saved, input);
        } catch (IOException e) {
            return Path.of("(not written: " + e.getMessage() + ")");
        }
        return saved;
    }

    @Test
    void twoHundredLevelsOfNestingStopAtTheDepthLimit() {
        for (String kind : List.of("multipart", "message")) {
            byte[] deep = nested(200, kind.equals("multipart"));
            long started = System.nanoTime();
            ParsedMail mail = parser.parse(deep);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(mail.problems()).as(kind).anyMatch(p -> p.contains("nesting deeper than 50"));
            assertThat(mail.text()).as(kind).contains("level 1").doesNotContain("level 199");
            assertThat(mail.subject()).isEqualTo("deep 0");
        }
    }

    @Test
    void decodedContentBeyondTheLimitIsDroppedAndNamed() throws IOException {
        JakartaMailParser small = new JakartaMailParser(DataSize.ofBytes(120));
        ParsedMail mail = small.parse(MailCorpusTest.corpusFile("16-inline-image-attachments.eml"));
        assertThat(mail.problems()).anyMatch(p -> p.startsWith("decoded content over 120 bytes"));
        assertThat(mail.attachments()).hasSizeLessThan(4);
        assertThat(mail.messageId()).isEqualTo("attach-16@example.cn");
        assertThat(mail.subject()).isEqualTo("商品破损照片和发票");
    }

    @Test
    void nothingAtAllStillGivesAMail() {
        for (byte[] input : List.of(new byte[0], "\r\n\r\n".getBytes(), new byte[] {0, 0, 0}, "x".repeat(5).getBytes())) {
            ParsedMail mail = parser.parse(input);
            assertWellFormed(mail);
            assertThat(mail.messageId()).startsWith("sha256-").endsWith("@kefu.invalid");
        }
        assertWellFormed(parser.parse(null));
    }

    private static void assertWellFormed(ParsedMail mail) {
        assertThat(mail).isNotNull();
        assertThat(mail.messageId()).isNotBlank();
        assertThat(mail.subject()).isNotNull();
        assertThat(mail.text()).isNotNull();
        assertThat(mail.kind()).isNotNull();
        assertThat(mail.inReplyTo()).isNotNull().doesNotContainNull();
        assertThat(mail.references()).isNotNull().doesNotContainNull();
        assertThat(mail.replyTo()).isNotNull().doesNotContainNull();
        assertThat(mail.to()).isNotNull().doesNotContainNull();
        assertThat(mail.cc()).isNotNull().doesNotContainNull();
        assertThat(mail.problems()).isNotNull().doesNotContainNull();
        assertThat(mail.attachments()).isNotNull().allSatisfy(part -> {
            assertThat(part.fileName()).isNotBlank().doesNotContain("/", "\\");
            assertThat(part.contentType()).isNotBlank();
            assertThat(part.content()).isNotNull();
        });
        if (mail.html() != null) {
            for (Element element : Jsoup.parseBodyFragment(mail.html()).body().getAllElements()) {
                assertThat(element.normalName()).isNotIn("script", "iframe", "object", "embed", "form", "style");
                for (Attribute attribute : element.attributes()) {
                    assertThat(attribute.getKey()).doesNotStartWith("on");
                    assertThat(attribute.getValue().strip().toLowerCase()).doesNotStartWith("javascript:");
                }
            }
        }
    }

    private static byte[] mutate(byte[] original, SplittableRandom random) {
        byte[] data = original;
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            data = switch (random.nextInt(10)) {
                case 0 -> flipBytes(data, random);
                case 1 -> data.length == 0 ? data : java.util.Arrays.copyOf(data, random.nextInt(data.length));
                case 2 -> duplicateHeader(data, random);
                case 3 -> damageBoundary(data, random);
                case 4 -> replaceValue(data, "charset=", CHARSETS[random.nextInt(CHARSETS.length)], random);
                case 5 -> replaceValue(data, "Content-Transfer-Encoding: ", ENCODINGS[random.nextInt(ENCODINGS.length)],
                        random);
                case 6 -> insert(data, random, hugeLine(random));
                case 7 -> random.nextInt(4) == 0 ? nested(20 + random.nextInt(200), random.nextBoolean()) : data;
                case 8 -> insert(data, random, junkWords(random));
                default -> deleteRange(data, random);
            };
        }
        return data;
    }

    private static byte[] flipBytes(byte[] data, SplittableRandom random) {
        byte[] copy = data.clone();
        int flips = 1 + random.nextInt(20);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
        }
        return copy;
    }

    private static byte[] duplicateHeader(byte[] data, SplittableRandom random) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end <= 0) {
            return data;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String line = lines[random.nextInt(lines.length)];
        String copies = (line + "\r\n").repeat(1 + random.nextInt(random.nextInt(10) == 0 ? 2_000 : 5));
        return (copies + text).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] damageBoundary(byte[] data, SplittableRandom random) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("\r\n--", random.nextInt(Math.max(1, text.length())));
        if (at < 0) {
            at = text.indexOf("boundary");
        }
        if (at < 0) {
            return data;
        }
        String damaged = switch (random.nextInt(4)) {
            case 0 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 3 + random.nextInt(10)));
            case 1 -> text.substring(0, at) + "\r\n--" + text.substring(at);
            case 2 -> text.replace("boundary=", "boundary=x");
            default -> text.substring(0, at + 2) + "-" + text.substring(at + 2);
        };
        return damaged.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] replaceValue(byte[] data, String key, String value, SplittableRandom random) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        int at = text.indexOf(key);
        if (at < 0) {
            return data;
        }
        int start = at + key.length();
        int end = start;
        while (end < text.length() && text.charAt(end) != '\r' && text.charAt(end) != ';') {
            end++;
        }
        return (text.substring(0, start) + value + text.substring(end)).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] insert(byte[] data, SplittableRandom random, byte[] extra) {
        int at = data.length == 0 ? 0 : random.nextInt(data.length);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + extra.length);
        out.write(data, 0, at);
        out.writeBytes(extra);
        out.write(data, at, data.length - at);
        return out.toByteArray();
    }

    private static byte[] deleteRange(byte[] data, SplittableRandom random) {
        if (data.length < 2) {
            return data;
        }
        int from = random.nextInt(data.length);
        int to = Math.min(data.length, from + 1 + random.nextInt(200));
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, from);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }

    private static byte[] hugeLine(SplittableRandom random) {
        int length = 1_000 + random.nextInt(random.nextInt(20) == 0 ? 300_000 : 30_000);
        byte[] line = new byte[length + 2];
        String fills = "A=?<>\"; \u00e4@";
        byte fill = (byte) fills.charAt(random.nextInt(fills.length()));
        java.util.Arrays.fill(line, fill);
        line[length] = '\r';
        line[length + 1] = '\n';
        return line;
    }

    private static byte[] junkWords(SplittableRandom random) {
        String[] words = {"=?gb2312?B?@@@?=", "=?utf-8?Q?=E4=B8?=", "=?x?B?==?=", "=??B??=", "=?utf-8*zh?B?5L2g?=",
                "filename*0*=utf-8''%E4%B8", "; name*=''", "<>", "<<<<", "\r\n\t", "\u0000", "=\r\n", "=XX"};
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 1 + random.nextInt(8); i++) {
            out.append(words[random.nextInt(words.length)]);
        }
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A mail nested {@code levels} deep, as multiparts or as attached messages; level n says "level n". */
    static byte[] nested(int levels, boolean multipart) {
        StringBuilder out = new StringBuilder();
        out.append("Subject: deep 0\r\nMessage-ID: <deep@example.com>\r\nFrom: deep@example.com\r\n");
        for (int level = 1; level < levels; level++) {
            if (multipart) {
                out.append("Content-Type: multipart/mixed; boundary=\"b").append(level).append("\"\r\n\r\n")
                        .append("--b").append(level).append("\r\nContent-Type: text/plain\r\n\r\nlevel ")
                        .append(level).append("\r\n--b").append(level).append("\r\n");
            } else {
                out.append("Content-Type: multipart/mixed; boundary=\"m").append(level).append("\"\r\n\r\n--m")
                        .append(level).append("\r\nContent-Type: text/plain\r\n\r\nlevel ").append(level)
                        .append("\r\n--m").append(level).append("\r\nContent-Type: message/rfc822\r\n\r\n")
                        .append("Subject: deep ").append(level).append("\r\n");
            }
        }
        out.append("Content-Type: text/plain\r\n\r\nthe bottom ").append(Base64.getEncoder().encodeToString(new byte[3]))
                .append("\r\n");
        // multipart end boundaries are left out on purpose: Jakarta Mail tolerates a missing end
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
