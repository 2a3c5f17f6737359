package org.p2psim.bench;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.EventCodec;
import org.p2psim.event.EventContent;
import org.p2psim.event.EventRejectedException;
import org.p2psim.event.EventSealer;
import org.p2psim.event.Message;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;
import org.p2psim.net.PacketVerifier;
import org.p2psim.scenario.Scenario;
import org.p2psim.scenario.ScenarioException;

/**
 * Hostile inputs, one per seed, and the documented outcome each gets (issue 12, Build 7): packets
 * (random bytes, mutated or truncated signed packets, timestamps at the edges) through
 * {@link PacketVerifier}, sealed events (random bytes, sealed random plaintexts, mutated sealed
 * events) through {@link EventSealer#open}, and scenario texts (mutated built-in YAML) through the
 * loader. An outcome is a documented reason ({@code packet/skew}, {@code event/malformed},
 * {@code scenario/refused} …); anything else thrown is {@code crash/ExceptionName}. The jqwik
 * properties of the tests and {@code p2psim bench --only fuzz} both drive these cases.
 */
public final class Fuzz {
    private static final long WINDOW = 60_000_000L;
    /** A valid scenario (a test checks that it loads), so that every mutation starts from something the loader accepts. */
    static final String SCENARIO = "duration: 5m\ndevices: {names: [alice, bob, carol]}\nnet: {loss: 0.1, latency: 40ms}\n"
            + "sync: {strategy: bloom-seed, interval: 2s}\nworkload: {messages: {ratePerMinute: 2, textLength: 40}}\n"
            + "schedule:\n  - {at: 1m, leave: bob}\n  - {at: 2m, reconnect: bob}\n";

    /** Characters a scenario mutation writes: YAML's punctuation, digits, anchors and aliases. */
    private static final String EDITS = ":{}[]-,&*#!|>'\"0123456789e.x\n ";

    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
    private final Ed25519KeyPair mallory = Ed25519KeyPair.generate(new SplittableRandom(2));
    private final DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
    private final KeyDirectory members = new KeyDirectory().add(alice.publicKey());
    private final CommunityKey community = CommunityKey.generate(new SplittableRandom(3));
    private final EventSealer sealer = new EventSealer(community, members, SignatureMode.REAL);
    private final PacketVerifier verifier = new PacketVerifier(members, WINDOW, SignatureMode.FAST);

    /** The outcome of the packet case drawn from {@code seed}. */
    public String packetCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        long clock = r.nextLong(0, Long.MAX_VALUE / 2);
        byte[] wire = switch (r.nextInt(4)) {
            case 0 -> bytes(r, r.nextInt(0, 2 * Packet.OVERHEAD));
            case 1 -> mutate(r, signed(r, clock + r.nextLong(-WINDOW, WINDOW)));
            case 2 -> truncate(r, signed(r, clock));
            default -> signed(r, edge(r, clock));
        };
        return packet(wire, clock);
    }

    /** What the verifier says of {@code wire} at {@code clock}. */
    public String packet(byte[] wire, long clock) {
        try {
            return "packet/" + label(verifier.verify(wire, clock).outcome().reason(), "delivered");
        } catch (RuntimeException e) {
            return crash(e);
        }
    }

    /** The outcome of the sealed-event case drawn from {@code seed}. */
    public String eventCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] sealed = switch (r.nextInt(3)) {
            case 0 -> bytes(r, r.nextInt(0, 200));
            case 1 -> community.seal(bytes(r, r.nextInt(0, 200)), r);
            default -> community.seal(mutate(r, validPlaintext(r)), r);
        };
        return event(sealed);
    }

    /** What opening {@code sealed} says. */
    public String event(byte[] sealed) {
        try {
            sealer.open(sealed);
            return "event/opened";
        } catch (EventRejectedException e) {
            return "event/" + e.reason().label();
        } catch (RuntimeException e) {
            return crash(e);
        }
    }

    /** The outcome of loading a mutated scenario text drawn from {@code seed}. */
    public static String scenarioCase(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        char[] text = SCENARIO.toCharArray();
        for (int at : positions(r, text.length, 1 + r.nextInt(4))) {
            text[at] = EDITS.charAt(r.nextInt(EDITS.length()));
        }
        return scenario(new String(text));
    }

    /** What the scenario loader says of {@code yaml}. */
    public static String scenario(String yaml) {
        try {
            Scenario.parse(yaml, "fuzz.yaml");
            return "scenario/loaded";
        } catch (ScenarioException e) {
            return "scenario/refused";
        } catch (RuntimeException e) {
            return crash(e);
        }
    }

    /** Runs {@code n} cases of each kind from {@code seed} on and counts them by outcome. */
    public static Map<String, Long> run(long n, long seed) {
        Fuzz fuzz = new Fuzz();
        Map<String, Long> counts = new TreeMap<>();
        for (long i = 0; i < n; i++) {
            counts.merge(fuzz.packetCase(seed + i), 1L, Long::sum);
            counts.merge(fuzz.eventCase(seed + i), 1L, Long::sum);
            if (i % 10 == 0) { // the loader is a thousand times slower than a packet: a tenth as many
                counts.merge(scenarioCase(seed + i), 1L, Long::sum);
            }
        }
        return counts;
    }

    static String crash(RuntimeException e) {
        return "crash/" + e.getClass().getSimpleName();
    }

    private static String label(String reason, String otherwise) {
        return reason.isEmpty() ? otherwise : reason;
    }

    private byte[] signed(SplittableRandom r, long timestamp) {
        boolean member = r.nextInt(8) != 0;
        Ed25519KeyPair key = member ? alice : mallory;
        DeviceId id = member ? aliceId : DeviceId.ofPublicKey(mallory.publicKey());
        PacketType type = PacketType.values()[r.nextInt(PacketType.values().length)];
        return Packet.sign(type, SignatureMode.FAST, key, id, timestamp, bytes(r, r.nextInt(0, 300))).wire();
    }

    private byte[] validPlaintext(SplittableRandom r) {
        Message m = new Message("general", new String(bytes(r, r.nextInt(0, 60)), java.nio.charset.StandardCharsets.ISO_8859_1), null);
        return EventCodec.encode(new EventContent(aliceId, r.nextLong(), m), alice);
    }

    private static long edge(SplittableRandom r, long clock) {
        long[] edges = {Long.MIN_VALUE, Long.MAX_VALUE, 0, -1, clock - WINDOW, clock + WINDOW, clock - WINDOW - 1, clock + WINDOW + 1};
        return edges[r.nextInt(edges.length)];
    }

    private static byte[] bytes(SplittableRandom r, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt(256);
        }
        return b;
    }

    /**
     * Flips 1 to 3 bytes, each at a different position: two flips of one byte could cancel and
     * give back the original, which is not a mutation (a flaky {@code event/opened} came from that).
     */
    static byte[] mutate(SplittableRandom r, byte[] b) {
        for (int at : positions(r, b.length, 1 + r.nextInt(3))) {
            b[at] ^= (byte) (1 + r.nextInt(255));
        }
        return b;
    }

    /** Up to {@code k} distinct positions in {@code [0, n)}, in drawing order. */
    static int[] positions(SplittableRandom r, int n, int k) {
        java.util.LinkedHashSet<Integer> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < Math.min(k, n)) {
            chosen.add(r.nextInt(n));
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static byte[] truncate(SplittableRandom r, byte[] b) {
        return java.util.Arrays.copyOf(b, r.nextInt(b.length));
    }
}
