package org.p2psim.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;

class SequenceDiagramTest {

    /** Alice holds three messages, Bob none: one Bloom exchange, no loss. */
    private static Simulation oneExchange(long seed) {
        Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob").build();
        sim.history("alice", 3, "general");
        return sim;
    }

    @Test
    void oneBloomExchangeIsBobsFilterAnsweredByTheThreeEventsItLacks() {
        try (Simulation sim = oneExchange(1)) {
            sim.runFor(Duration.ofSeconds(12));
            SequenceDiagram d = SequenceDiagram.of(sim).devices("alice", "bob");
            List<SequenceDiagram.Arrow> arrows = d.arrows();
            int bobsFilter = -1;
            for (int i = 0; i < arrows.size(); i++) {
                if (arrows.get(i).from().equals("bob") && arrows.get(i).label().startsWith("filter ")) {
                    bobsFilter = i;
                    break;
                }
            }
            assertTrue(bobsFilter >= 0, "bob sent a filter: " + arrows);
            SequenceDiagram.Arrow filter = arrows.get(bobsFilter);
            assertTrue(arrows.subList(0, bobsFilter).stream().noneMatch(a -> a.label().startsWith("event")),
                    "no event goes before bob's filter shows what he lacks");
            List<SequenceDiagram.Arrow> answer = arrows.stream().filter(a -> a.sentAt() == filter.doneAt()).toList();
            assertEquals(3, answer.size(), "alice answers the filter at its arrival with the three events: " + arrows);
            for (SequenceDiagram.Arrow a : answer) {
                assertEquals("alice", a.from());
                assertEquals("bob", a.to());
                assertEquals("delivered", a.fate());
                assertTrue(a.label().matches("event \\d+ B"), a.label());
            }
            String svg = d.svg();
            assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>"));
            assertEquals(arrows.size(), count(svg, "<line x1=") - count(svg, "stroke-dasharray=\"2,4\"") - 2,
                    "one line per arrow besides the two lanes and the gap markers");
            assertEquals(3, count(svg, ">" + answer.get(0).label() + "</text>"));
        }
    }

    @Test
    void lostPacketsStopHalfWayUnderACrossAndSayLost() {
        try (Simulation sim = oneExchange(1)) {
            sim.network().oneWay("alice", "bob").loss(1.0);
            sim.runFor(Duration.ofSeconds(30));
            SequenceDiagram d = SequenceDiagram.of(sim);
            List<SequenceDiagram.Arrow> fromAlice = d.arrows().stream().filter(a -> a.from().equals("alice")).toList();
            assertFalse(fromAlice.isEmpty());
            assertTrue(fromAlice.stream().allMatch(a -> a.fate().equals("lost") && a.label().endsWith(" · lost")), fromAlice.toString());
            assertTrue(d.arrows().stream().filter(a -> a.from().equals("bob")).allMatch(a -> a.fate().equals("delivered")));
            assertEquals(fromAlice.size(), count(d.svg(), "✕</text>"));
        }
    }

    @Test
    void onlyPacketsBetweenTheChosenDevicesAndInTheWindowAreDrawn() {
        try (Simulation sim = Simulation.builder().seed(2).devices("alice", "bob", "carol").build()) {
            sim.history("carol", 5, "general");
            sim.runFor(Duration.ofSeconds(60));
            SequenceDiagram d = SequenceDiagram.of(sim).devices("bob", "alice").window(Duration.ofSeconds(10), Duration.ofSeconds(40));
            assertEquals(List.of("bob", "alice"), d.lanes());
            assertFalse(d.packets().isEmpty());
            for (var p : d.packets()) {
                assertTrue(List.of("alice", "bob").containsAll(List.of(p.from(), p.to())), p.toString());
                assertTrue(p.sentAt() >= 10_000_000L && p.sentAt() <= 40_000_000L, p.toString());
            }
            long expected = sim.metrics().packetRows().stream().filter(p -> !p.from().equals("carol") && !p.to().equals("carol"))
                    .filter(p -> p.sentAt() >= 10_000_000L && p.sentAt() <= 40_000_000L).count();
            assertEquals(expected, d.packets().size());
            assertEquals(3, SequenceDiagram.of(sim).lanes().size(), "by default every device that sent or received");
            assertEquals(2, d.maxArrows(2).arrows().size());
            assertTrue(d.html().contains("the first 2 drawn"));
        }
    }

    @Test
    void badChoicesSayWhatIsAllowed() {
        SequenceDiagram d = SequenceDiagram.of(List.of());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.devices("alice", "alice")).getMessage()
                .contains("at least two distinct devices"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> d.window(Duration.ofSeconds(5), Duration.ofSeconds(1)))
                .getMessage().contains("before start"));
        assertTrue(d.devices("a", "b").html().contains("no packet between [a, b]"));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
