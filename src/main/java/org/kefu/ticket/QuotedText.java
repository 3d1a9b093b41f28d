package org.kefu.ticket;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds where the new text of a reply ends: quoted earlier mails ("&gt; " lines at the end,
 * "On ... wrote:", "在 ... 写道：", "於 ... 寫道：", "-----Original Message-----", "-----原始邮件-----",
 * Outlook's "发件人: / 发送时间:" and "From: / Sent:" blocks) and a signature ("-- ", "发自我的iPhone",
 * "Sent from my iPhone", ...) are split off to be folded. Conservative: a forwarded message is not
 * history, "&gt;" lines between new text (inline answers) stay visible, letter closings such as
 * "此致 敬礼" stay visible (the name after them is the writer's), and when everything looks quoted
 * nothing is folded.
 */
public final class QuotedText {

    private static final int MAX_HEADER_LINE = 300;
    private static final Pattern WROTE = Pattern.compile(
            "(?i)^(on\\s.+\\swrote:|.+\\swrote:|.*(写道|寫道)\\s*[：:]?|am\\s.+\\sschrieb\\s.+:|.+\\sschrieb:|le\\s.+a\\s[ée]crit\\s?:)\\s*$");
    private static final Pattern WROTE_START = Pattern.compile("(?i)^(on|在|於|于)\\s?.+");
    private static final Pattern ORIGINAL = Pattern.compile(
            "(?i)^[-_=\\s]*(original message|原始邮件|原始郵件|原邮件|原郵件|回复的原邮件|reply message)[-_=\\s]*$");
    private static final Pattern SEPARATOR = Pattern.compile("^_{10,}\\s*$");
    private static final Pattern FORWARDED = Pattern.compile(
            "(?i)^[-_=\\s]*(forwarded message|begin forwarded message:?|转发的邮件|轉寄的郵件|转发邮件|轉發郵件)[-_=\\s]*$");
    private static final Pattern FROM_FIELD = Pattern.compile("(?i)^\\*?(from|发件人|發件人|寄件者|寄件人)\\*?\\s*[:：].*");
    private static final Pattern SENT_FIELD = Pattern.compile(
            "(?i)^\\*?(sent|date|发送时间|發送時間|寄件日期|时间|時間|日期)\\*?\\s*[:：].*");
    private static final Pattern SIGNATURE = Pattern.compile("(?i)^(--\\s?|"
            + "sent from my .{1,40}|sent from mail for windows.*|get outlook for (ios|android).*|"
            + "sent from (yahoo|outlook|gmail|samsung|huawei).{0,40}|"
            + "(发自|發自)我的\\s?.{1,20}|(发自|發自)(网易|網易)邮箱.{0,10}|从我的.{1,20}发送|從我的.{1,20}傳送|"
            + "(来自|來自)(网易|網易|QQ|qq)邮箱.{0,10})\\s*$");
    private static final int SIGNATURE_WINDOW = 8;

    /** Splits a message body; null gives two empty parts. */
    public MailBody split(String text) {
        if (text == null || text.isBlank()) {
            return new MailBody(text == null ? "" : text, "");
        }
        List<String> lines = text.replace("\r\n", "\n").replace('\r', '\n').lines().toList();
        int cut = Math.min(historyStart(lines), trailingQuoteStart(lines));
        cut = Math.min(cut, signatureStart(lines, cut));
        String visible = String.join("\n", lines.subList(0, cut)).stripTrailing();
        if (visible.isBlank()) {
            return new MailBody(text.strip(), ""); // all of it looks quoted: show it rather than nothing
        }
        String quoted = String.join("\n", lines.subList(cut, lines.size())).strip();
        return new MailBody(visible, quoted);
    }

    /** The first line of a reply header ("On ... wrote:", Original Message, an Outlook block), or the end. */
    private static int historyStart(List<String> lines) {
        int n = lines.size();
        for (int i = 0; i < n; i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(">") || line.length() > MAX_HEADER_LINE) {
                continue;
            }
            if (ORIGINAL.matcher(line).matches()) {
                return withSeparatorAbove(lines, i);
            }
            if (isReplyHeader(line) && followedByContent(lines, i)) {
                return i;
            }
            if (i + 1 < n && WROTE_START.matcher(line).matches()) {
                // a reply header wrapped over two lines: "On Mon, 1 Dec 2026, Support <\nsupport@x> wrote:"
                String joined = line + " " + lines.get(i + 1).strip();
                if (joined.length() <= MAX_HEADER_LINE && !isReplyHeader(line) && isReplyHeader(joined)
                        && followedByContent(lines, i + 1)) {
                    return i;
                }
            }
            if (FROM_FIELD.matcher(line).matches() && sentFollows(lines, i) && !forwardedAbove(lines, i)) {
                return withSeparatorAbove(lines, i);
            }
        }
        return n;
    }

    /** The start of a block of "&gt;" lines (and blank lines) that runs to the end, or the end. */
    private static int trailingQuoteStart(List<String> lines) {
        int start = lines.size();
        boolean sawQuote = false;
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            if (line.startsWith(">")) {
                sawQuote = true;
                start = i;
            } else if (line.isEmpty()) {
                continue;
            } else {
                break;
            }
        }
        if (!sawQuote) {
            return lines.size();
        }
        // the reply header just above the quote belongs to it ("On ... wrote:" / "在 ... 写道：")
        int above = start - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        if (above >= 0) {
            String line = lines.get(above).strip();
            if (line.length() <= MAX_HEADER_LINE && isReplyHeader(line)) {
                return above;
            }
            if (above > 0 && isReplyHeader(lines.get(above - 1).strip() + " " + line)
                    && WROTE_START.matcher(lines.get(above - 1).strip()).matches()) {
                return above - 1;
            }
        }
        return start;
    }

    /** A signature start within the last few lines before {@code end}, or {@code end}. */
    private static int signatureStart(List<String> lines, int end) {
        int checked = 0;
        for (int i = end - 1; i >= 0 && checked < SIGNATURE_WINDOW; i--) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            checked++;
            String stripped = line.equals("-- ") ? "-- " : line.strip();
            if (SIGNATURE.matcher(stripped).matches()) {
                return i;
            }
        }
        return end;
    }

    /** "... wrote:" / "... 写道：" with a date or an address in it ("他在信中写道：" is not a reply header). */
    private static boolean isReplyHeader(String line) {
        if (line.length() > MAX_HEADER_LINE || !WROTE.matcher(line).matches()) {
            return false;
        }
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '@' || (c >= '0' && c <= '9')) {
                return true;
            }
        }
        return false;
    }

    private static boolean followedByContent(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean sentFollows(List<String> lines, int index) {
        for (int i = index + 1; i < lines.size() && i <= index + 3; i++) {
            if (SENT_FIELD.matcher(lines.get(i).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static boolean forwardedAbove(List<String> lines, int index) {
        for (int i = index - 1; i >= 0 && i >= index - 3; i--) {
            if (FORWARDED.matcher(lines.get(i).strip()).matches()) {
                return true;
            }
        }
        return false;
    }

    private static int withSeparatorAbove(List<String> lines, int index) {
        int above = index - 1;
        while (above >= 0 && lines.get(above).isBlank()) {
            above--;
        }
        return above >= 0 && SEPARATOR.matcher(lines.get(above).strip()).matches() ? above : index;
    }
}
