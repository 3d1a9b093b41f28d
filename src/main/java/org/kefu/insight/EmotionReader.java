package org.kefu.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Reads the emotion of one customer message (情绪识别): Simplified and Traditional Chinese, English and mixed text,
 * locally, with the lexicons shipped in the jar. Lexicon words add weight to an emotion; a negation shortly before a
 * word cancels it (a negated satisfied word counts as disappointed), an intensifier multiplies it; repeated
 * punctuation and all-caps words amplify the negative emotions; a threat to escalate outside the desk (消协, 12315,
 * 曝光, a lawyer, a chargeback ...) makes the reading angry.
 *
 * <p>Immutable after construction and safe to share between threads; {@link #read(String)} never throws.
 */
@Component
public class EmotionReader {

    /** Below this score an emotion is not reported: the reading is neutral. */
    static final double THRESHOLD = 0.75;
    /** A negative emotion wins over a satisfied one unless the satisfied score is this many times larger. */
    static final double SATISFIED_DOMINANCE = 1.6;

    private static final int NEGATION_WINDOW_CJK = 4;
    private static final int NEGATION_WINDOW_LATIN = 14;
    private static final int INTENSIFIER_WINDOW_CJK = 3;
    private static final int INTENSIFIER_WINDOW_LATIN = 12;
    private static final double INTENSITY_SCALE = 2.5;

    private static final Set<String> ACRONYMS = Set.of("ASAP", "BBB", "SMS", "USB", "VIP", "PDF", "API", "OTP", "ATM",
            "CEO", "APP", "WIFI", "SIM", "GPS", "ETA", "FAQ", "PIN", "URL", "USD", "RMB", "HKD", "TWD", "CNY", "IOS",
            "VPN", "FTC", "CSV", "IBAN", "SWIFT", "OK", "ID", "TV", "AM", "PM", "NT", "UTC", "GMT", "CST", "HK", "TW",
            "US", "UK", "EU", "LTE", "SSD", "HDMI", "QR", "IT", "CC", "AC", "DM", "SaaS", "SSO", "CRM", "ERP", "HR", "AWS", "SLA", "NPS", "VAT", "DHL", "UPS", "FedEx", "USPS",
            "SKU", "RMA", "CSAT", "KPI", "GST", "TNT", "EMS", "NFC", "LCD", "LED", "BMW", "IKEA", "MRT", "HSR");

    private final ScriptFolding folding;
    private final EmotionLexicon lexicon;

    public EmotionReader() {
        this.folding = ScriptFolding.standard();
        this.lexicon = EmotionLexicon.load(folding);
    }

    /** The emotion of {@code text}; null, blank or unreadable text reads as neutral with intensity 0. */
    public EmotionReading read(String text) {
        if (text == null || text.isBlank()) {
            return EmotionReading.NONE;
        }
        try {
            return new Scan(text).reading();
        } catch (RuntimeException unexpected) {
            return EmotionReading.NONE;
        }
    }

    /** Number of distinct lexicon terms loaded (for diagnostics). */
    int lexiconSize() {
        return lexicon.size();
    }

    private final class Scan {
        private final String original;
        private final char[] text;
        private final double[] scores = new double[Emotion.values().length];
        private final List<EmotionCue> cues = new ArrayList<>();
        private boolean threat;
        private double amplifier = 1;

        Scan(String original) {
            this.original = original;
            this.text = folding.foldChars(original);
        }

        EmotionReading reading() {
            scanTerms();
            scanPunctuation();
            scanCapitals();
            for (Emotion emotion : Emotion.values()) {
                if (emotion.isNegative()) {
                    scores[emotion.ordinal()] *= amplifier;
                }
            }
            return decide();
        }

        private void scanTerms() {
            EmotionLexicon.Term negation = null;
            int negationEnd = -1;
            int negationWindow = 0;
            EmotionLexicon.Term intensifier = null;
            int intensifierEnd = -1;
            int intensifierWindow = 0;
            for (int i = 0; i < text.length; i++) {
                if (isClauseBreak(text[i])) {
                    negation = null;
                    intensifier = null;
                    continue;
                }
                EmotionLexicon.Term term = lexicon.longestAt(text, i);
                if (term == null) {
                    continue;
                }
                int end = i + term.text().length();
                switch (term.category()) {
                    case NEUTRAL -> { }
                    case NEGATION -> {
                        negation = term;
                        negationEnd = end;
                        negationWindow = isLatin(term) ? NEGATION_WINDOW_LATIN : NEGATION_WINDOW_CJK;
                    }
                    case INTENSIFIER -> {
                        intensifier = term;
                        intensifierEnd = end;
                        intensifierWindow = isLatin(term) ? INTENSIFIER_WINDOW_LATIN : INTENSIFIER_WINDOW_CJK;
                    }
                    default -> {
                        double weight = term.weight();
                        if (intensifier != null && i - intensifierEnd <= intensifierWindow) {
                            weight *= intensifier.weight();
                            cues.add(new EmotionCue(EmotionCue.INTENSIFIER, original(intensifierEnd
                                    - intensifier.text().length(), intensifierEnd), intensifier.weight()));
                        }
                        intensifier = null;
                        String surface = original(i, end);
                        if (negation != null && i - negationEnd <= negationWindow) {
                            String negated = original(negationEnd - negation.text().length(), negationEnd) + "…" + surface;
                            negation = null;
                            if (term.category() == EmotionLexicon.Category.SATISFIED) {
                                scores[Emotion.DISAPPOINTED.ordinal()] += weight * 0.9;
                                cues.add(new EmotionCue(EmotionCue.NEGATION, negated, weight * 0.9));
                            } else {
                                cues.add(new EmotionCue(EmotionCue.NEGATION, negated, -weight));
                            }
                        } else {
                            add(term, surface, weight);
                        }
                    }
                }
                i = end - 1;
            }
        }

        private void add(EmotionLexicon.Term term, String surface, double weight) {
            switch (term.category()) {
                case THREAT -> {
                    threat = true;
                    scores[Emotion.ANGRY.ordinal()] += weight;
                    cues.add(new EmotionCue(EmotionCue.ESCALATION_THREAT, surface, weight));
                }
                case ANGRY -> scores[Emotion.ANGRY.ordinal()] += weight;
                case ANXIOUS -> scores[Emotion.ANXIOUS.ordinal()] += weight;
                case DISAPPOINTED -> scores[Emotion.DISAPPOINTED.ordinal()] += weight;
                case SATISFIED -> scores[Emotion.SATISFIED.ordinal()] += weight;
                default -> {
                    return;
                }
            }
            if (term.category() != EmotionLexicon.Category.THREAT) {
                cues.add(new EmotionCue(term.emoji() ? EmotionCue.EMOJI : EmotionCue.WORD, surface, weight));
            }
        }

        private void scanPunctuation() {
            int runs = 0;
            for (int i = 0; i < text.length; ) {
                if (text[i] != '!' && text[i] != '?') {
                    i++;
                    continue;
                }
                int start = i;
                boolean question = false;
                while (i < text.length && (text[i] == '!' || text[i] == '?')) {
                    question |= text[i] == '?';
                    i++;
                }
                int length = i - start;
                if (length >= 2 && runs < 3) {
                    runs++;
                    double weight = 0.25 + 0.05 * Math.min(length - 2, 4);
                    amplifier += weight;
                    if (question) {
                        scores[Emotion.ANXIOUS.ordinal()] += 0.6;
                    }
                    if (length >= 3 && !question) {
                        scores[Emotion.ANGRY.ordinal()] += 0.3;
                    }
                    cues.add(new EmotionCue(EmotionCue.REPEATED_PUNCTUATION, original(start, i), weight));
                }
            }
        }

        private void scanCapitals() {
            int shouted = 0;
            StringBuilder words = new StringBuilder();
            for (int i = 0; i < original.length(); ) {
                if (!isAsciiLetterOrDigit(original.charAt(i))) {
                    i++;
                    continue;
                }
                int start = i;
                boolean allUpper = true;
                boolean digit = false;
                while (i < original.length() && isAsciiLetterOrDigit(original.charAt(i))) {
                    char c = original.charAt(i);
                    allUpper &= !(c >= 'a' && c <= 'z');
                    digit |= c >= '0' && c <= '9';
                    i++;
                }
                String word = original.substring(start, i);
                if (allUpper && !digit && word.length() >= 3 && !ACRONYMS.contains(word)) {
                    shouted++;
                    if (words.length() < 60) {
                        words.append(words.isEmpty() ? "" : " ").append(word);
                    }
                }
            }
            if (shouted >= 1) {
                double weight = Math.min(0.2 * shouted, 0.6);
                amplifier += weight;
                scores[Emotion.ANGRY.ordinal()] += Math.min(0.3 + 0.1 * shouted, 0.7);
                cues.add(new EmotionCue(EmotionCue.ALL_CAPS, words.toString(), weight));
            }
        }

        private EmotionReading decide() {
            Emotion negative = Emotion.ANGRY;
            for (Emotion emotion : List.of(Emotion.ANXIOUS, Emotion.DISAPPOINTED)) {
                if (scores[emotion.ordinal()] > scores[negative.ordinal()]) {
                    negative = emotion;
                }
            }
            double negativeScore = scores[negative.ordinal()];
            double negativeTotal = scores[Emotion.ANGRY.ordinal()] + scores[Emotion.ANXIOUS.ordinal()]
                    + scores[Emotion.DISAPPOINTED.ordinal()];
            double satisfied = scores[Emotion.SATISFIED.ordinal()];
            Emotion label;
            double score;
            if (threat) {
                label = Emotion.ANGRY;
                score = scores[Emotion.ANGRY.ordinal()];
            } else if (negativeScore >= THRESHOLD && satisfied < SATISFIED_DOMINANCE * negativeTotal) {
                label = negative;
                score = negativeScore;
            } else if (satisfied >= THRESHOLD) {
                label = Emotion.SATISFIED;
                score = satisfied;
            } else {
                label = Emotion.NEUTRAL;
                score = 0;
            }
            double intensity = score <= 0 ? 0 : 1 - Math.exp(-score / INTENSITY_SCALE);
            return new EmotionReading(label, intensity, cues);
        }

        private String original(int start, int end) {
            return original.substring(start, end);
        }
    }

    private static boolean isLatin(EmotionLexicon.Term term) {
        return EmotionLexicon.isWordChar(term.text().charAt(0));
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    private static boolean isClauseBreak(char c) {
        return switch (c) {
            case ',', '.', ';', '!', '?', '\n', '\r', '。', '，', '；', '、', '…', '~', '～' -> true;
            default -> false;
        };
    }
}
