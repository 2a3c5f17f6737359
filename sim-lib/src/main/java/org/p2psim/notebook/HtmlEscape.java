package org.p2psim.notebook;

/** The one HTML escaper of p2psim: for an element's text or a quoted attribute value (either quote). */
public final class HtmlEscape {
    private HtmlEscape() {}

    /** {@code s} with {@code & < > " '} escaped; null becomes the empty string. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
