package org.kefu.channel.email;

/**
 * RFC 3676 format=flowed text back into paragraphs: a line ending in a space continues on the
 * next line of the same quote depth; space-stuffing is removed; the signature separator "-- " stays.
 */
final class Flowed {

    private Flowed() {
    }

    static String unwrap(String text, boolean delSp) {
        StringBuilder out = new StringBuilder(text.length());
        int openDepth = -1; // quote depth of a soft-broken line still open, or -1
        for (String line : text.split("\n", -1)) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') {
                depth++;
            }
            String content = line.substring(depth);
            if (content.startsWith(" ")) {
                content = content.substring(1);
            }
            if (openDepth >= 0 && openDepth != depth) {
                out.append('\n');
                openDepth = -1;
            }
            if (openDepth < 0 && depth > 0) {
                out.append("> ".repeat(depth));
            }
            boolean soft = content.endsWith(" ") && !content.equals("-- ");
            if (soft) {
                out.append(delSp ? content.substring(0, content.length() - 1) : content);
                openDepth = depth;
            } else {
                out.append(content).append('\n');
                openDepth = -1;
            }
        }
        return out.toString();
    }
}
