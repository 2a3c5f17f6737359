package org.p2psim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.client.Client;
import org.p2psim.client.FileInfo;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.device.Device;
import org.p2psim.sim.SimEvent;
import org.p2psim.store.DeviceStore;
import org.p2psim.sync.bloom.BloomSeedParams;
import tech.tablesaw.api.Table;

/**
 * A photo shared by one device reaches the others byte for byte, through chunk events synced by
 * the seed's Bloom strategy.
 *
 * <p>Every run here uses fresh salts per round ({@link BloomSeedParams#withSaltEachRound}): a
 * 200 KB image is about 400 chunk events, and with 400+ ids in the seed's 500-byte filter under
 * fixed hashing about 2 % of them test positive in every round for ever, so the seed's protocol
 * as written strands a few chunks on most devices and the file never completes (notebook 01 shows
 * the same effect for messages).
 */
class FileTransferTest {
    static final Path IMAGE = Path.of("../datasets/images/02-alpine-lake.jpg");
    static final BloomSeedParams SALTED = BloomSeedParams.DEFAULTS.withSaltEachRound(true);

    @Test
    void aTwoHundredKilobytePhotoIsByteIdenticalOnNineteenOtherDevices() throws Exception {
        byte[] image = Files.readAllBytes(IMAGE);
        assertTrue(image.length > 150_000 && image.length < 250_000);
        try (Simulation sim = Simulation.builder().seed(11).devices(20).signatures(SignatureMode.FAST).bloom(SALTED).build()) {
            String id = sim.upload("d00", "photos", IMAGE);
            int chunks = sim.client("d00").file(id).chunkCount();
            assertEquals((image.length + 499) / 500, chunks);
            assertTrue(sim.runUntilConverged(Duration.ofHours(1)), "every device holds every event within an hour");
            assertTrue(allComplete(sim, id, chunks));
            for (Device d : sim.devices()) {
                assertArrayEquals(image, Client.of(d).downloadFile(id), d.name());
            }
            Table completion = sim.fileCompletion(id);
            assertEquals(20, completion.rowCount());
            assertTrue(completion.booleanColumn("complete").all());
            assertTrue(sim.metrics().converged());
        }
    }

    private static boolean allComplete(Simulation sim, String fileId, int chunks) {
        for (Device d : sim.devices()) {
            Client c = Client.of(d);
            if (c.chunksHeld(fileId) < chunks || c.findFile(fileId).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bob goes offline with part of the file; back online, he receives only the chunks he lacks,
     * and the file completes. His progress is in his SQLite file: a store reopened after the run
     * shows the same file, complete.
     */
    @Test
    void anInterruptedTransferResumesFromTheChunksHeld(@TempDir Path dir) throws Exception {
        byte[] image = Files.readAllBytes(IMAGE);
        String id;
        try (Simulation sim = Simulation.builder().seed(4).devices("alice", "bob", "carol").directory(dir)
                .signatures(SignatureMode.FAST).bloom(SALTED).build()) {
            Client bob = sim.client("bob");
            id = sim.upload("alice", "photos", IMAGE);
            int n = sim.client("alice").file(id).chunkCount();
            assertTrue(sim.runUntil(() -> bob.chunksHeld(id) >= 100, Duration.ofMinutes(30)));
            int before = bob.chunksHeld(id);
            assertTrue(before < n, "still mid-way: " + before);
            int carolBefore = sim.client("carol").chunksHeld(id);
            sim.leave("bob", false);
            double left = sim.nowSeconds();
            sim.runFor(Duration.ofMinutes(5));
            assertEquals(before, bob.chunksHeld(id), "nothing arrives while offline");
            assertTrue(sim.client("carol").chunksHeld(id) > carolBefore, "carol keeps receiving meanwhile");
            sim.reconnect("bob");
            assertTrue(sim.runUntil(() -> bob.chunksHeld(id) == n, Duration.ofHours(1)));
            assertArrayEquals(image, bob.downloadFile(id));
            List<Double> times = new ArrayList<>();
            bob.fileProgress(id).doubleColumn("time_s").forEach(times::add);
            assertEquals(before, times.stream().filter(t -> t <= left).count(), "chunks held before leaving are kept");
            assertEquals(n - before, times.stream().filter(t -> t > left).count(), "only the missing ones come after");
            assertEquals(List.of(SimEvent.FILE, SimEvent.LEAVE, SimEvent.RECONNECT),
                    sim.timeline().events().stream().map(SimEvent::kind).toList());
        }
        try (DeviceStore reopened = DeviceStore.open(dir.resolve("devices/bob.sqlite"))) {
            Client bob = new Client(p -> {
                throw new UnsupportedOperationException("read only");
            }, reopened);
            FileInfo f = bob.file(id);
            assertTrue(f.complete());
            assertArrayEquals(image, bob.downloadFile(id));
        }
    }

    /** An upload is a real-world event of the timeline: replaying the timeline gives the same run, packet for packet. */
    @Test
    void uploadsAreRecordedAndReplayExactly() throws Exception {
        List<SimEvent> timeline;
        String trace;
        String fileId;
        try (Simulation sim = threeDevices()) {
            sim.at(Duration.ofSeconds(3), s -> s.post("alice", "photos", "look at this"));
            sim.at(Duration.ofSeconds(5), s -> s.upload("alice", "photos", IMAGE));
            sim.runFor(Duration.ofMinutes(10));
            timeline = sim.timeline().events();
            assertEquals(List.of(SimEvent.MESSAGE, SimEvent.FILE), timeline.stream().map(SimEvent::kind).toList());
            SimEvent.FileShared upload = (SimEvent.FileShared) timeline.get(1);
            assertEquals("photos", upload.channel());
            assertEquals("02-alpine-lake.jpg", upload.name());
            assertEquals("image/jpeg", upload.mime());
            assertArrayEquals(Files.readAllBytes(IMAGE), upload.content());
            trace = sim.traceSha256();
            fileId = sim.client("alice").files().get(0).fileId();
        }
        try (Simulation again = threeDevices()) {
            timeline.forEach(again::replay);
            again.runFor(Duration.ofMinutes(10));
            assertEquals(trace, again.traceSha256());
            assertEquals(fileId, again.client("alice").files().get(0).fileId());
        }
    }

    private static Simulation threeDevices() {
        return Simulation.builder().seed(9).devices("alice", "bob", "carol").signatures(SignatureMode.FAST).bloom(SALTED).build();
    }
}
