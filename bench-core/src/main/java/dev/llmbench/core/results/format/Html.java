package dev.llmbench.core.results.format;

/**
 * HTML escaping for untrusted text. Every string that comes from a result file (model output,
 * check details, error messages, model and test ids) goes through {@link #esc} before it is put
 * into the page, as element text only: the report never builds attributes, URLs, styles or ids
 * from such strings. Stateless and thread-safe.
 */
final class Html {
    private Html() {}

    /**
     * Escapes text for an HTML text node or a quoted attribute value: {@code & < > " '} become
     * character references, and characters HTML forbids or that would confuse a reader become
     * visible stand-ins: C0 controls other than tab, line feed and carriage return become their
     * Control Pictures symbol (U+2400 block, e.g. ESC → ␛), DEL becomes ␡, C1 controls, lone
     * surrogates and the non-characters U+FFFE/U+FFFF become U+FFFD.
     */
    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                case '\t', '\n', '\r' -> out.append(c);
                default -> {
                    if (c < 0x20) {
                        out.append((char) (0x2400 + c));
                    } else if (c == 0x7f) {
                        out.append('\u2421');
                    } else if (c >= 0x80 && c < 0xa0 || c == 0xfffe || c == 0xffff) {
                        out.append('\ufffd');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        out.append('\ufffd');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** At most {@code limit} characters (not splitting a surrogate pair), with a note of how many were cut. */
    static String truncate(String s, int limit) {
        if (s.length() <= limit) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(limit - 1)) ? limit - 1 : limit;
        return s.substring(0, end) + "\n… (" + (s.length() - end) + " more characters; the full text is in result.json)";
    }
}
