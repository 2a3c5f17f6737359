package org.p2psim.workload;

import java.util.random.RandomGenerator;

/** Lorem-ipsum-style text of an exact length, drawn from a seeded stream. */
public final class Lorem {
    private static final String[] WORDS = (
            "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore"
            + " magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo"
            + " consequat duis aute irure in reprehenderit voluptate velit esse cillum eu fugiat nulla pariatur excepteur"
            + " sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum").split(" ");

    /**
     * Longest generated text: a message must fit one event packet of the default MTU; the seed
     * models longer texts as file attachments.
     */
    public static final int MAX_LENGTH = 1000;

    private Lorem() {}

    /** A length ≥ 1 of mean about {@code mean}: geometric, as chat messages are mostly short with a long tail, capped at {@link #MAX_LENGTH}. */
    public static int length(RandomGenerator random, int mean) {
        int drawn = ProfileActivity.geometric(random, mean);
        return Math.min(MAX_LENGTH, drawn);
    }

    /** Words separated by spaces, the first capitalised, cut to exactly {@code length} characters (≥ 1). */
    public static String text(RandomGenerator random, int length) {
        if (length < 1) {
            throw new IllegalArgumentException("text length must be >= 1, was " + length);
        }
        StringBuilder sb = new StringBuilder(length + 16);
        while (sb.length() < length) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(WORDS[random.nextInt(WORDS.length)]);
        }
        sb.setLength(length);
        sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        if (sb.charAt(length - 1) == ' ') {
            sb.setCharAt(length - 1, '.');
        }
        return sb.toString();
    }
}
