package org.p2psim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.event.EventId;
import org.p2psim.store.DeviceStore;
import org.p2psim.store.MessageRow;
import org.p2psim.store.StoredEvent;

/**
 * The unavoidable work of one event packet on real devices: the sender's Ed25519 signature, the
 * receiver's verification, the AEAD open, the BLAKE3 event id, and storing one message (its row in
 * {@code events} and in {@code message_index} with its full-text entry). Each is measured alone as
 * the median of batches; the floor is their sum.
 */
record PacketFloor(double signNs, double verifyNs, double openNs, double blake3Ns, double insertNs) {
    private static final int PACKET_BYTES = 400;
    private static final int BATCH = 2_000;

    double totalNs() {
        return signNs + verifyNs + openNs + blake3Ns + insertNs;
    }

    static PacketFloor measure() {
        SplittableRandom random = new SplittableRandom(1);
        Ed25519KeyPair keys = Ed25519KeyPair.generate(random);
        Ed25519PublicKey publicKey = Ed25519PublicKey.of(keys.publicKey());
        byte[] packet = new byte[PACKET_BYTES];
        random.nextBytes(packet);
        byte[] signature = keys.sign(packet);
        CommunityKey community = CommunityKey.generate(random);
        byte[] sealed = community.seal(new byte[PACKET_BYTES - 92 - CommunityKey.OVERHEAD], random);
        return new PacketFloor(
                perCall(() -> keys.sign(packet)),
                perCall(() -> publicKey.verify(packet, signature)),
                perCall(() -> community.open(sealed)),
                perCall(() -> Blake3.hash(sealed, EventId.BYTES)),
                insertNanos(sealed));
    }

    private static double perCall(Runnable op) {
        return Stopwatch.medianNanos(3, 7, () -> {
            for (int i = 0; i < BATCH; i++) {
                op.run();
            }
        }) / (double) BATCH;
    }

    /** One message stored in a device store, batched as the simulator does, including its share of the flush. */
    private static double insertNanos(byte[] sealed) {
        try {
            Path dir = Files.createTempDirectory("p2psim-bench-");
            int[] round = {0};
            return Stopwatch.medianNanos(2, 5, () -> {
                try (DeviceStore store = DeviceStore.create(dir.resolve("floor-" + round[0]++ + ".sqlite"), "floor")) {
                    byte[] id = new byte[EventId.BYTES];
                    SplittableRandom ids = new SplittableRandom(round[0]);
                    for (int i = 0; i < BATCH; i++) {
                        ids.nextBytes(id);
                        String eventId = EventId.fromBytes(id).hex();
                        store.insert(new StoredEvent(eventId, "general", i, i, sealed),
                                new MessageRow(eventId, "general", "floor", i, "lorem ipsum dolor sit amet " + i, null));
                    }
                }
            }) / (double) BATCH;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
