package org.p2psim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class CommunityKeyTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final String AUTH_FAILED =
            "authentication failed: ciphertext tampered with or sealed under another community key";

    // draft-irtf-cfrg-xchacha-03, appendix A.3.1 (AEAD_XChaCha20_Poly1305 example and test vector)
    private static final byte[] KAT_PLAINTEXT = ("Ladies and Gentlemen of the class of '99: If I could"
            + " offer you only one tip for the future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KAT_AAD = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
    private static final byte[] KAT_KEY =
            HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
    private static final byte[] KAT_NONCE = HEX.parseHex("404142434445464748494a4b4c4d4e4f5051525354555657");
    private static final byte[] KAT_CIPHERTEXT = HEX.parseHex(
            "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
            + "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
            + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
            + "21f9664c97637da9768812f615c68b13b52e");
    private static final byte[] KAT_TAG = HEX.parseHex("c0875924c1c7987947deafd8780acf49");

    @Test
    void xchachaDraftVectorA31SealsToPublishedCiphertextAndTag() {
        assertEquals(114, KAT_PLAINTEXT.length); // the draft's plaintext is 114 bytes
        CommunityKey key = CommunityKey.of(KAT_KEY);
        byte[] sealed = key.seal(KAT_PLAINTEXT, KAT_NONCE, KAT_AAD);

        assertEquals(CommunityKey.NONCE_BYTES + KAT_CIPHERTEXT.length + CommunityKey.TAG_BYTES, sealed.length);
        assertArrayEquals(KAT_NONCE, Arrays.copyOfRange(sealed, 0, 24), "nonce prefix");
        assertEquals(HEX.formatHex(KAT_CIPHERTEXT), HEX.formatHex(Arrays.copyOfRange(sealed, 24, sealed.length - 16)),
                "ciphertext");
        assertEquals(HEX.formatHex(KAT_TAG), HEX.formatHex(Arrays.copyOfRange(sealed, sealed.length - 16, sealed.length)),
                "tag");
    }

    @Test
    void xchachaDraftVectorA31OpensAndNeedsItsAssociatedData() {
        CommunityKey key = CommunityKey.of(KAT_KEY);
        byte[] sealed = concat(KAT_NONCE, KAT_CIPHERTEXT, KAT_TAG);
        assertArrayEquals(KAT_PLAINTEXT, key.open(sealed, KAT_AAD));

        CryptoException noAad = assertThrows(CryptoException.class, () -> key.open(sealed));
        assertEquals(AUTH_FAILED, noAad.getMessage());
    }

    @Test
    void sealThenOpenRoundTripsAtManyLengths() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(1));
        SplittableRandom nonces = new SplittableRandom(2);
        SplittableRandom data = new SplittableRandom(3);
        for (int len : new int[] {0, 1, 15, 16, 63, 64, 65, 127, 128, 1000, 4096}) {
            byte[] plaintext = new byte[len];
            data.nextBytes(plaintext);
            byte[] sealed = key.seal(plaintext, nonces);
            assertEquals(len + CommunityKey.OVERHEAD, sealed.length, "sealed length for " + len);
            assertArrayEquals(plaintext, key.open(sealed), "round trip of " + len + " bytes");
        }
    }

    @Test
    void flippingAnySingleByteMakesOpenFailAuthentication() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(7));
        byte[] sealed = key.seal("hello community".getBytes(StandardCharsets.UTF_8), new SplittableRandom(8));
        // every position: nonce [0,24), body [24, n-16), tag [n-16, n)
        for (int i = 0; i < sealed.length; i++) {
            for (int mask : new int[] {0x01, 0x80, 0xff}) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) mask;
                int pos = i;
                CryptoException e = assertThrows(CryptoException.class, () -> key.open(tampered),
                        "flip at " + pos + " mask " + mask);
                assertEquals(AUTH_FAILED, e.getMessage());
            }
        }
        assertArrayEquals("hello community".getBytes(StandardCharsets.UTF_8), key.open(sealed));
    }

    @Test
    void appendedOrTruncatedBytesFailAuthentication() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(7));
        byte[] sealed = key.seal(new byte[100], new SplittableRandom(8));
        assertThrows(CryptoException.class, () -> key.open(Arrays.copyOf(sealed, sealed.length + 1)));
        CryptoException e = assertThrows(CryptoException.class, () -> key.open(Arrays.copyOf(sealed, sealed.length - 1)));
        assertEquals(AUTH_FAILED, e.getMessage());
    }

    @Test
    void openingUnderAnotherKeyFails() {
        CommunityKey alice = CommunityKey.generate(new SplittableRandom(100));
        CommunityKey mallory = CommunityKey.generate(new SplittableRandom(101));
        byte[] sealed = alice.seal(new byte[] {1, 2, 3}, new SplittableRandom(5));
        CryptoException e = assertThrows(CryptoException.class, () -> mallory.open(sealed));
        assertEquals(AUTH_FAILED, e.getMessage());
    }

    @Test
    void tooShortInputIsRefusedNamingItsLength() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(1));
        CryptoException e39 = assertThrows(CryptoException.class, () -> key.open(new byte[39]));
        assertEquals("sealed event is 39 bytes, shorter than the 40-byte nonce+tag overhead", e39.getMessage());
        CryptoException e0 = assertThrows(CryptoException.class, () -> key.open(new byte[0]));
        assertEquals("sealed event is 0 bytes, shorter than the 40-byte nonce+tag overhead", e0.getMessage());
        // exactly the overhead is long enough to try (an empty plaintext), and then fails authentication
        CryptoException e40 = assertThrows(CryptoException.class, () -> key.open(new byte[40]));
        assertEquals(AUTH_FAILED, e40.getMessage());
    }

    @Test
    void emptyPlaintextSealsToExactlyTheOverhead() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(1));
        byte[] sealed = key.seal(new byte[0], new SplittableRandom(2));
        assertEquals(40, sealed.length);
        assertEquals(0, key.open(sealed).length);
    }

    @Test
    void sameSeedSealsIdenticalBytesAndAnotherSeedAnotherNonce() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(9));
        byte[] plaintext = "deterministic".getBytes(StandardCharsets.UTF_8);
        byte[] a = key.seal(plaintext, new SplittableRandom(42));
        byte[] b = key.seal(plaintext, new SplittableRandom(42)); // same nonce, same thread: must not be refused
        byte[] c = key.seal(plaintext, new SplittableRandom(43));
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(Arrays.copyOf(a, 24), Arrays.copyOf(c, 24)), "different seed, different nonce");
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void successiveSealsFromOneStreamUseFreshNonces() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(9));
        SplittableRandom nonces = new SplittableRandom(42);
        byte[] a = key.seal(new byte[8], nonces);
        byte[] b = key.seal(new byte[8], nonces);
        assertFalse(Arrays.equals(Arrays.copyOf(a, 24), Arrays.copyOf(b, 24)));
    }

    @Test
    void nonceIsDrawnAsThreeLittleEndianLongs() {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(9));
        SplittableRandom expected = new SplittableRandom(42);
        byte[] nonce = new byte[24];
        for (int i = 0; i < 24; i++) {
            if (i % 8 == 0) {
                long v = expected.nextLong();
                for (int k = 0; k < 8; k++) {
                    nonce[i + k] = (byte) (v >>> (8 * k));
                }
            }
        }
        byte[] sealed = key.seal(new byte[5], new SplittableRandom(42));
        assertArrayEquals(nonce, Arrays.copyOf(sealed, 24));
        assertArrayEquals(sealed, key.seal(new byte[5], nonce), "explicit-nonce seal agrees");
    }

    @Test
    void explicitNonceSealIsRepeatableAndInterleavesWithOpen() {
        CommunityKey key = CommunityKey.of(KAT_KEY);
        byte[] first = key.seal(KAT_PLAINTEXT, KAT_NONCE);
        assertArrayEquals(KAT_PLAINTEXT, key.open(first));
        byte[] second = key.seal(KAT_PLAINTEXT, KAT_NONCE);
        byte[] third = key.seal(KAT_PLAINTEXT, KAT_NONCE);
        assertArrayEquals(first, second);
        assertArrayEquals(first, third);
        // with the draft's vector but no AAD the tag differs, the ciphertext does not
        assertArrayEquals(KAT_CIPHERTEXT, Arrays.copyOfRange(first, 24, first.length - 16));
        assertFalse(Arrays.equals(KAT_TAG, Arrays.copyOfRange(first, first.length - 16, first.length)));
    }

    @Test
    void explicitNonceMustBe24Bytes() {
        CommunityKey key = CommunityKey.of(KAT_KEY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> key.seal(new byte[1], new byte[12]));
        assertTrue(e.getMessage().contains("got 12"), e.getMessage());
    }

    @Test
    void generateIsDeterministicPerSeed() {
        assertEquals(CommunityKey.generate(new SplittableRandom(42)), CommunityKey.generate(new SplittableRandom(42)));
        assertArrayEquals(CommunityKey.generate(new SplittableRandom(42)).bytes(),
                CommunityKey.generate(new SplittableRandom(42)).bytes());
        assertNotEquals(CommunityKey.generate(new SplittableRandom(42)), CommunityKey.generate(new SplittableRandom(43)));
    }

    @Test
    void ofRefusesWrongLengthNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommunityKey.of(new byte[31]));
        assertEquals("a community key is 32 bytes, got 31", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CommunityKey.of(new byte[33]));
    }

    @Test
    void keyBytesAreCopiedInAndOut() {
        byte[] raw = KAT_KEY.clone();
        CommunityKey key = CommunityKey.of(raw);
        raw[0] ^= 1;
        assertArrayEquals(KAT_KEY, key.bytes());
        key.bytes()[0] ^= 1;
        assertArrayEquals(KAT_KEY, key.bytes());
    }

    @Test
    void equalsAndHashCodeByValue() {
        CommunityKey a = CommunityKey.of(KAT_KEY);
        CommunityKey b = CommunityKey.of(KAT_KEY.clone());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, CommunityKey.generate(new SplittableRandom(1)));
        assertNotEquals(a, null);
    }

    @Test
    void toStringShowsAFingerprintNeverTheKey() {
        CommunityKey key = CommunityKey.of(KAT_KEY);
        String s = key.toString();
        String fingerprint = HEX.formatHex(Blake3.hash(KAT_KEY, 4));
        assertEquals("CommunityKey[blake3:" + fingerprint + "]", s);
        assertFalse(s.contains("8081"), s);
        assertFalse(s.contains(HEX.formatHex(KAT_KEY)), s);
    }

    @Test
    void oneKeySharedByParallelThreadsGivesTheSequentialBytes() throws Exception {
        CommunityKey key = CommunityKey.generate(new SplittableRandom(77));
        int threads = 4;
        List<byte[]> expected = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            expected.add(workload(key, t));
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<byte[]>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int seed = t;
                results.add(pool.submit(() -> workload(key, seed)));
            }
            for (int t = 0; t < threads; t++) {
                assertArrayEquals(expected.get(t), results.get(t).get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Seals and opens 500 messages from one seed; returns the BLAKE3 of all sealed bytes. */
    private static byte[] workload(CommunityKey key, int seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        byte[] all = new byte[0];
        for (int i = 0; i < 500; i++) {
            byte[] plaintext = new byte[rng.nextInt(200)];
            rng.nextBytes(plaintext);
            byte[] sealed = key.seal(plaintext, rng);
            if (!Arrays.equals(plaintext, key.open(sealed))) {
                throw new AssertionError("round trip failed");
            }
            all = Blake3.hash256(concat(all, sealed));
        }
        return all;
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, off, p.length);
            off += p.length;
        }
        return out;
    }
}
