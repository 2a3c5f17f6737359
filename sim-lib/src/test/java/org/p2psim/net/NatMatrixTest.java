package org.p2psim.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.p2psim.net.NatFixture.NATS;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.p2psim.net.nat.NatConfig;
import org.p2psim.net.nat.NatType;
import org.p2psim.net.nat.PairPath;
import org.p2psim.net.nat.PathKind;

/**
 * Every pair of NAT presets against what RFC 4787's definitions imply: whether two devices behind
 * them get a direct path (punched, or direct because a filter lets the first packet in), and that
 * their path survives silence exactly when something refreshes the bindings.
 */
class NatMatrixTest {
    /**
     * The known answer, written out (rows a's NAT, columns b's, in {@link NatFixture#NATS} order): a
     * punch needs each side's punch packet to match a binding the other side's filter admits. An
     * endpoint-independent mapping (full-cone, address- and port-restricted) sends the punch from the
     * port the rendezvous saw, so any filter admits it once the other side has sent there; a symmetric
     * mapping (symmetric, cgnat) sends it from a new port, which only a filter that ignores the port
     * (full-cone, address-restricted) admits, and the answer then goes back to that port. Two
     * symmetric mappings never meet, nor a symmetric one and a port-restricted filter.
     */
    private static final List<String> PUNCHABLE = List.of(
            // full-cone, address-restricted, port-restricted, symmetric, cgnat
            "yes yes yes yes yes", // full-cone
            "yes yes yes yes yes", // address-restricted
            "yes yes yes no  no ", // port-restricted
            "yes yes no  no  no ", // symmetric
            "yes yes no  no  no "); // cgnat

    private static boolean punchable(String x, String y) {
        return PUNCHABLE.get(NATS.indexOf(x)).split("\\s+")[NATS.indexOf(y)].equals("yes");
    }

    @Test
    void everyPresetPairReachesEachOtherExactlyWhenRfc4787Allows() {
        for (String x : NATS) {
            for (String y : NATS) {
                NatFixture f = new NatFixture(1, NatConfig.DEFAULTS.withRelay(false), true, x, y).chat(0, 30).runFor(Duration.ofSeconds(40));
                PairPath path = f.nat.path("a", "b");
                String label = x + " ↔ " + y + ": " + path;
                assertEquals(punchable(x, y), f.delivered("a", "b", 20) > 0 && f.delivered("b", "a", 20) > 0, label);
                if (punchable(x, y)) {
                    assertTrue(path.path() == PathKind.PUNCHED || path.path() == PathKind.DIRECT, label);
                    assertEquals(0, f.count(Outcome.NAT_FILTERED, 5), label + ": nothing filtered once the path is found");
                } else {
                    assertEquals(PathKind.NONE, path.path(), label);
                    assertTrue(path.reason().contains(x + " ↔ " + y + ": no punch possible")
                            || path.reason().contains(y + " ↔ " + x + ": no punch possible"), label);
                    assertEquals(1 + NatConfig.DEFAULTS.punchRetries(), path.attempts(), label);
                }
            }
        }
    }

    @Test
    void theTableIsSymmetricAndAgreesWithTheMappingAndFilteringRule() {
        for (String x : NATS) {
            for (String y : NATS) {
                assertEquals(punchable(x, y), punchable(y, x), x + " ↔ " + y);
                NatType a = NatType.preset(x);
                NatType b = NatType.preset(y);
                boolean aSym = a.mapping() != NatType.Mapping.EIM;
                boolean bSym = b.mapping() != NatType.Mapping.EIM;
                boolean rule = !(aSym && bSym) && !(aSym && b.filtering() == NatType.Filtering.APDF)
                        && !(bSym && a.filtering() == NatType.Filtering.APDF);
                assertEquals(rule, punchable(x, y), x + " ↔ " + y);
            }
        }
    }

    /** Silence longer than either binding timeout: {@code 10 s} of chat, then none until this many seconds. */
    private static long afterSilence(String x, String y) {
        long timeout = Math.max(NatType.preset(x).timeoutMicros(), NatType.preset(y).timeoutMicros()) / 1_000_000L;
        return 10 + timeout + 10;
    }

    /** Every ordered pair of presets the table says punch. */
    private static List<List<String>> punchablePairs() {
        List<List<String>> pairs = new ArrayList<>();
        for (String x : NATS) {
            for (String y : NATS) {
                if (punchable(x, y)) {
                    pairs.add(List.of(x, y));
                }
            }
        }
        return pairs;
    }

    @Test
    void withoutKeepalivesEveryPathsBindingsExpireInSilenceAndThePairFindsItsPathAgain() {
        for (List<String> pair : punchablePairs()) {
            String x = pair.get(0);
            String y = pair.get(1);
            long back = afterSilence(x, y);
            NatFixture f = new NatFixture(1, NatConfig.DEFAULTS.withRelay(false).withKeepalive(0), true, x, y)
                    .chat(0, 10).chat(back, back + 20).runFor(Duration.ofSeconds(back + 25));
            String label = x + " ↔ " + y + ": " + f.nat.path("a", "b");
            assertTrue(f.count(Outcome.NAT_EXPIRED, back) > 0, label + ": the first packets after the silence meet expired bindings");
            assertTrue(f.delivered("a", "b", back + 10) > 0 && f.delivered("b", "a", back + 10) > 0, label + ": found again");
        }
    }

    @Test
    void keepalivesRefreshEveryPathsBindingsSoNothingExpires() {
        for (List<String> pair : punchablePairs()) {
            for (String first : List.of("a", "b")) {
                long back = afterSilence(pair.get(0), pair.get(1));
                NatFixture f = new NatFixture(1, NatConfig.DEFAULTS.withRelay(false), true, pair.get(0), pair.get(1)).chat(0, 10);
                // after the silence, either side may speak first: each side's bindings must have been kept
                f.scheduler.at(back * 1_000_000L - 250_000L, () -> f.network.send(first, first.equals("a") ? "b" : "a", NatFixture.PACKET));
                f.chat(back, back + 20).runFor(Duration.ofSeconds(back + 25));
                String label = pair + ", " + first + " first: " + f.nat.path("a", "b");
                assertEquals(0, f.count(Outcome.NAT_EXPIRED), label);
                assertEquals(41, f.delivered("a", "b", back - 1) + f.delivered("b", "a", back - 1),
                        label + ": every packet after the silence arrives");
                assertTrue(f.nat.path("a", "b").attempts() <= 1, label + ": no punch after the first");
            }
        }
    }
}
