package org.p2psim.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Informal insert throughput (wall clock, not part of any simulated result). Runs only with
 * {@code -Dp2psim.bench=true}.
 */
@EnabledIfSystemProperty(named = "p2psim.bench", matches = "true")
class DeviceStoreThroughputTest {
    private static final int EVENTS = 100_000;

    @TempDir
    Path dir;

    @Test
    void insertThroughput() {
        for (int batch : new int[] {1, 64, 512, 4096}) {
            int events = batch == 1 ? EVENTS / 20 : EVENTS;
            measure(batch, events, false);
            measure(batch, events, true);
        }
    }

    private void measure(int batch, int events, boolean withMessages) {
        Random random = new Random(batch);
        Path file = dir.resolve("bench-" + batch + "-" + withMessages + ".sqlite");
        long start = System.nanoTime();
        try (DeviceStore store = DeviceStore.create(file, "bench", batch)) {
            for (int n = 0; n < events; n++) {
                byte[] ciphertext = new byte[120 + random.nextInt(400)];
                random.nextBytes(ciphertext);
                // random ids, like real BLAKE3 ids: sequential ones would flatter the B-tree indexes
                String id = HexFormat.of().toHexDigits(random.nextLong()) + HexFormat.of().toHexDigits(random.nextLong());
                StoredEvent e = new StoredEvent(id, "channel-" + (n % 8), n * 1_000L, n * 1_000L, ciphertext);
                if (withMessages) {
                    store.insert(e, Events.message(e, "author-" + (n % 5), "message " + n + " about topic " + (n % 97)));
                } else {
                    store.insert(e);
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long reopenStart = System.nanoTime();
        try (DeviceStore store = DeviceStore.open(file)) {
            assertEquals(events, store.size());
        }
        double reopen = (System.nanoTime() - reopenStart) / 1e9;
        System.out.printf(Locale.ROOT, "batch %5d %-13s %7d inserts: %9.0f events/s (incl. close); reopen %.2f s%n",
                batch, withMessages ? "with message" : "event only", events, events / seconds, reopen);
    }
}
