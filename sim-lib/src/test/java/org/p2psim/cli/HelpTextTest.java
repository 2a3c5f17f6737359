package org.p2psim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every command's --help at the default 80 columns reads whole: no line wider than 80, and no word or
 * dotted token such as {@code net.loss=0.2} or {@code summary.json} broken across two lines (picocli
 * wraps where java.text.BreakIterator allows, which includes after any dot). A token broken in two shows
 * as two words that the same help printed 1000 columns wide does not have.
 */
class HelpTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "run", "replay", "sweep", "scoreboard", "inspect", "strategies", "bench"})
    void helpWrapsBetweenWords(String command) {
        String narrow = help(command, null);
        String wide = help(command, "1000");
        for (String line : narrow.lines().toList()) {
            assertTrue(line.length() <= 80, "wider than 80: " + line);
        }
        Set<String> wideWords = Set.copyOf(words(wide));
        List<String> broken = words(narrow).stream().filter(w -> !wideWords.contains(w)).toList();
        assertEquals(List.of(), broken, "help of '" + command + "' at 80 columns breaks these inside a token:\n" + narrow);
    }

    private static String help(String command, String width) {
        if (width != null) {
            System.setProperty("picocli.usage.width", width);
        }
        try {
            MainTest.Result r = command.isEmpty() ? MainTest.p2psim("--help") : MainTest.p2psim(command, "--help");
            assertEquals(0, r.code(), r.toString());
            return r.out();
        } finally {
            System.clearProperty("picocli.usage.width");
        }
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
