package org.p2psim.client;

import org.p2psim.device.FilePolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.p2psim.Simulation;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.FileKey;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.FileChunk;
import org.p2psim.store.ChunkRow;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.FileRow;
import org.p2psim.store.StoredEvent;
import org.p2psim.sync.bloom.BloomSeedParams;
import tech.tablesaw.api.Table;

/** Every file call of the client, on the real SQLite stores of simulated devices. */
class ClientFilesTest {
    static final Path IMAGE = Path.of("../datasets/images/07-sea-sunset.jpg");
    // 400 chunk events in a 500-byte filter: the seed's fixed hashing would strand a few for good.
    static final BloomSeedParams SALTED = BloomSeedParams.DEFAULTS.withSaltEachRound(true);

    @TempDir
    Path dir;
    private Simulation sim;
    private Client alice;
    private Client bob;

    @BeforeEach
    void start() {
        sim = Simulation.builder().seed(3).devices("alice", "bob").signatures(SignatureMode.FAST).bloom(SALTED).build();
        alice = sim.client("alice");
        bob = sim.client("bob");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void theUploaderHoldsTheWholeFileAtOnceAndItShowsInTheChannel() throws Exception {
        byte[] image = Files.readAllBytes(IMAGE);
        String id = alice.uploadFile("photos", IMAGE);
        assertArrayEquals(image, alice.downloadFile(id));
        FileInfo f = alice.file(id);
        assertEquals("07-sea-sunset.jpg", f.name());
        assertEquals("image/jpeg", f.mime());
        assertEquals(image.length, f.size());
        assertEquals((image.length + 499) / 500, f.chunkCount());
        assertEquals(f.chunkCount(), f.chunksHeld());
        assertEquals(image.length, f.bytesHeld());
        assertTrue(f.complete());
        assertEquals(1.0, f.progress());
        assertEquals("alice", f.authorName());
        assertEquals(java.util.HexFormat.of().formatHex(Blake3.hash256(image)), f.contentHash());
        assertEquals(1 + f.chunkCount(), alice.syncStatus().eventsHeld());
        assertEquals(List.of(f), alice.files());

        ChatMessage shared = alice.getMessages("photos", 10).get(0);
        assertEquals(f.messageId(), shared.id());
        assertEquals(id, shared.fileId());
        assertEquals("07-sea-sunset.jpg", shared.text());
        assertTrue(shared.isFile());
        assertEquals(List.of(f.messageId()), alice.searchMessages("sunset", 5).ids(), "found by a word of its name");
        String reply = alice.reply(f.messageId(), "nice colours");
        assertEquals(f.messageId(), alice.findMessage(reply).orElseThrow().replyTo());
        assertEquals(0, f.receivedTs());
        assertEquals(java.util.Optional.of(f), alice.findFile(id));
        assertTrue(bob.findFile(id).isEmpty());

        Path saved = alice.downloadFile(id, dir.resolve("copy.jpg"));
        assertArrayEquals(image, Files.readAllBytes(saved));
        Table t = alice.filesTable();
        assertEquals(1, t.rowCount());
        assertEquals(f.chunkCount(), t.intColumn("chunks_held").get(0));
    }

    @Test
    void aPeerGetsTheFileByteForByteAndCanDownloadItOnlyOnceComplete() throws Exception {
        byte[] image = Files.readAllBytes(IMAGE);
        String id = sim.upload("alice", "photos", IMAGE);
        var unknown = assertThrows(IllegalArgumentException.class, () -> bob.downloadFile(id));
        assertEquals("unknown file " + id + ": bob holds no file-meta event with that id", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bob.file(id));

        assertTrue(sim.runUntil(() -> bob.chunksHeld(id) > 10, Duration.ofMinutes(20)));
        assertTrue(bob.findFile(id).isPresent(), "the meta event, authored last, is sent first");
        FileInfo partial = bob.file(id);
        if (!partial.complete()) {
            var e = assertThrows(IncompleteFileException.class, () -> bob.downloadFile(id));
            assertEquals("incomplete: " + partial.chunksHeld() + " of " + partial.chunkCount() + " chunks of"
                    + " '07-sea-sunset.jpg' (file " + id + ") are on bob; download again when files() shows it complete",
                    e.getMessage());
            assertEquals(partial.chunksHeld(), e.chunksHeld());
            assertEquals(partial.chunkCount(), e.chunkCount());
            assertEquals(List.of(partial), bob.syncStatus().pendingFiles());
        }
        assertTrue(sim.runUntilConverged(Duration.ofHours(2)), "converged");
        assertArrayEquals(image, bob.downloadFile(id));
        assertTrue(bob.syncStatus().pendingFiles().isEmpty());
        assertEquals(1, bob.syncStatus().filesComplete());

        Table progress = bob.fileProgress(id);
        int n = bob.file(id).chunkCount();
        assertEquals(n, progress.rowCount());
        assertEquals(n, progress.intColumn("chunks_held").get(n - 1));
        assertTrue(isNonDecreasing(progress));
        Table completion = sim.fileCompletion(id);
        assertEquals(List.of("alice", "bob"), completion.stringColumn("device").asList());
        assertEquals(0.0, completion.doubleColumn("completed_s").get(0));
        assertTrue(completion.doubleColumn("completed_s").get(1) > 0);
        Table all = sim.fileProgress(id);
        assertEquals(2 * n, all.rowCount());
        assertEquals(1.0, all.doubleColumn("fraction").get(all.rowCount() - 1));
    }

    private static boolean isNonDecreasing(Table t) {
        double last = Double.NEGATIVE_INFINITY;
        for (double v : t.doubleColumn("time_s")) {
            if (v < last) {
                return false;
            }
            last = v;
        }
        return true;
    }

    @Test
    void aDeviceThatDeclinesFilesKeepsTheirMetaButNotTheirChunksUntilItChoosesThem() throws Exception {
        byte[] image = Files.readAllBytes(IMAGE);
        bob.setFilePolicy(FilePolicy.FETCH_NONE);
        String id = sim.upload("alice", "photos", IMAGE);
        String other = sim.upload("alice", "photos", new byte[] {1, 2, 3}, "tiny.bin", "application/octet-stream");
        sim.runFor(Duration.ofMinutes(10));
        FileInfo seen = bob.file(id);
        assertEquals(0, seen.chunksHeld());
        assertFalse(seen.wanted());
        SyncStatus status = bob.syncStatus();
        assertEquals(2, status.files());
        assertTrue(status.pendingFiles().isEmpty(), "declined files are not pending");
        assertTrue(status.declinedChunks() > 0);
        assertEquals(FilePolicy.FETCH_NONE, status.filePolicy());
        var e = assertThrows(IncompleteFileException.class, () -> bob.downloadFile(id));
        assertTrue(e.getMessage().startsWith("incomplete: 0 of " + seen.chunkCount() + " chunks"), e.getMessage());

        bob.setFilePolicy(FilePolicy.FETCH_CHOSEN).chooseFile(id);
        assertTrue(bob.wantsFile(id));
        assertFalse(bob.wantsFile(other));
        assertTrue(sim.runUntil(() -> bob.file(id).complete(), Duration.ofHours(2)));
        assertArrayEquals(image, bob.downloadFile(id));
        assertEquals(0, bob.file(other).chunksHeld(), "the file not chosen is still declined");
        assertEquals(List.of(bob.file(other)).size(), bob.files().stream().filter(f -> !f.complete()).count());
    }

    @Test
    void emptyAndOneByteFiles() {
        String empty = alice.uploadFile("general", new byte[0], "empty.txt", "text/plain");
        assertEquals(0, alice.file(empty).chunkCount());
        assertTrue(alice.file(empty).complete());
        assertArrayEquals(new byte[0], alice.downloadFile(empty));
        String one = alice.uploadFile("general", new byte[] {42}, "one.bin", null);
        assertEquals("application/octet-stream", alice.file(one).mime());
        assertArrayEquals(new byte[] {42}, alice.downloadFile(one));
        assertEquals(java.util.Set.of(one, empty), java.util.Set.copyOf(alice.files().stream().map(FileInfo::fileId).toList()));
        assertThrows(IllegalArgumentException.class, () -> alice.uploadFile("general", new byte[1], "tab\tname", "x"));
        assertThrows(IllegalArgumentException.class, () -> alice.uploadFile("general", new byte[1], " ", "x"));
        String renamed = alice.uploadFile("general", IMAGE, "renamed.jpeg", "image/x-test");
        assertEquals("renamed.jpeg", alice.file(renamed).name());
        assertEquals("image/x-test", alice.file(renamed).mime());
        var missing = assertThrows(java.io.UncheckedIOException.class, () -> alice.uploadFile("general", dir.resolve("nope.jpg")));
        assertTrue(missing.getMessage().startsWith("cannot read " + dir.resolve("nope.jpg") + " to upload it"), missing.getMessage());
        assertEquals("image/png", Client.mimeOf("A.PNG"));
        assertEquals("application/octet-stream", Client.mimeOf("README"));
    }

    /** Chunks are checked against the file key and the whole file against its hash before bytes are handed out. */
    @Test
    void forgedOrCorruptChunksAreNeverHandedOut(@TempDir Path storeDir) {
        try (DeviceStore store = DeviceStore.create(storeDir.resolve("carol.sqlite"), "carol")) {
            Client carol = new Client(p -> {
                throw new UnsupportedOperationException();
            }, store);
            byte[] content = new byte[1200];
            new SplittableRandom(1).nextBytes(content);
            FileKey key = FileKey.generate(new SplittableRandom(2));
            String fileId = key.fileIdHex();
            store.insert(new StoredEvent(id(1), "general", 0, 0, new byte[1]), List.of(new FileRow(fileId, id(1), "general",
                    "a".repeat(32), 0, "x.bin", "application/octet-stream", content.length, 3,
                    java.util.HexFormat.of().formatHex(Blake3.hash256(content)), key.bytes())));
            for (int i = 0; i < 2; i++) {
                FileChunk c = FileChunk.split(fileId, key, content, i);
                store.insert(new StoredEvent(id(10 + i), null, 0, 0, new byte[1]),
                        List.of(new ChunkRow(c.tagHex(), fileId, i, id(10 + i), c.data())));
            }
            // chunk 2 under a tag not derived from the file key: it does not count
            store.insert(new StoredEvent(id(12), null, 0, 0, new byte[1]),
                    List.of(new ChunkRow(id(99), fileId, 2, id(12), new byte[200])));
            var e = assertThrows(IncompleteFileException.class, () -> carol.downloadFile(fileId));
            assertEquals(2, e.chunksHeld());
            // the right tag with the wrong bytes: the hash check refuses the file
            store.insert(new StoredEvent(id(13), null, 0, 0, new byte[1]),
                    List.of(new ChunkRow(key.chunkTagHex(2), fileId, 2, id(13), new byte[200])));
            var corrupt = assertThrows(IllegalStateException.class, () -> carol.downloadFile(fileId));
            assertTrue(corrupt.getMessage().contains("the chunks reassemble to BLAKE3"), corrupt.getMessage());
            // a second chunk event under a tag already held is ignored, not an error
            store.insert(new StoredEvent(id(14), null, 0, 0, new byte[1]),
                    List.of(new ChunkRow(key.chunkTagHex(2), fileId, 2, id(14), new byte[200])));
            store.flush();
            assertEquals(4, carol.chunksHeld(fileId));
        }
    }

    private static String id(int n) {
        return String.format("%032x", n);
    }
}
