package org.p2psim.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.p2psim.Simulation;
import org.p2psim.crypto.FileKey;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.event.FileMeta;
import org.p2psim.sim.RandomStreams;

/**
 * A shared file's key comes from the device's own stream "device/NAME/file-keys", so an upload
 * leaves the device's nonce stream alone: the nonces of its events are exactly the 24-byte draws of
 * "device/NAME/nonces" in the order it sealed them, uploads or not.
 */
class FileKeyStreamTest {
    private static final long SEED = 5;

    @Test
    void aFilesKeyIsTheFirstDrawOfTheDevicesFileKeyStream() {
        List<byte[]> keys = new ArrayList<>();
        try (Simulation sim = sharingSimulation(SEED, keys, new ArrayList<>())) {
            assertEquals(2, keys.size());
            RandomGenerator stream = new RandomStreams(SEED).stream("device/alice/file-keys");
            assertArrayEquals(FileKey.generate(stream).bytes(), keys.get(0));
            assertArrayEquals(FileKey.generate(stream).bytes(), keys.get(1));
        }
    }

    @Test
    void everyNonceOfADeviceIsTheNextDrawOfItsNonceStreamUploadsIncluded() {
        List<byte[]> nonces = new ArrayList<>();
        try (Simulation sim = sharingSimulation(SEED, new ArrayList<>(), nonces)) {
            RandomGenerator stream = new RandomStreams(SEED).stream("device/alice/nonces");
            assertEquals(2 + 2 * 3 + 2, nonces.size(), "two messages, two files of a meta and two chunks, two messages");
            for (int i = 0; i < nonces.size(); i++) {
                assertArrayEquals(nextNonce(stream), nonces.get(i), "nonce of alice's event " + i);
            }
        }
    }

    @Test
    void anotherSeedDrawsOtherKeys() {
        List<byte[]> a = new ArrayList<>();
        List<byte[]> b = new ArrayList<>();
        sharingSimulation(SEED, a, new ArrayList<>()).close();
        sharingSimulation(SEED + 1, b, new ArrayList<>()).close();
        assertNotEquals(Arrays.toString(a.get(0)), Arrays.toString(b.get(0)));
    }

    /** Alice posts, shares two 600-byte files (two chunks each), posts again; what her events carried is collected. */
    private static Simulation sharingSimulation(long seed, List<byte[]> fileKeys, List<byte[]> nonces) {
        Simulation sim = Simulation.builder().seed(seed).devices("alice", "bob").signatures(SignatureMode.FAST).build();
        sim.onEventStored((device, id, content, at) -> {
            if (device.name().equals("alice") && content.author().equals(device.id())) {
                nonces.add(Arrays.copyOf(device.store().get(id.hex()).ciphertext(), 24));
                if (content.payload() instanceof FileMeta meta) {
                    fileKeys.add(meta.fileKey());
                }
            }
        });
        sim.post("alice", "general", "before");
        sim.post("alice", "general", "still before");
        sim.upload("alice", "photos", new byte[600], "a.bin", "application/octet-stream");
        sim.upload("alice", "photos", new byte[600], "b.bin", "application/octet-stream");
        sim.post("alice", "general", "after");
        sim.post("alice", "general", "still after");
        return sim;
    }

    /** 24 bytes: three {@code nextLong()}, little-endian, as {@code CommunityKey.seal} draws a nonce. */
    private static byte[] nextNonce(RandomGenerator stream) {
        byte[] nonce = new byte[24];
        for (int i = 0; i < 24; i += 8) {
            long v = stream.nextLong();
            for (int k = 0; k < 8; k++) {
                nonce[i + k] = (byte) v;
                v >>>= 8;
            }
        }
        return nonce;
    }
}
