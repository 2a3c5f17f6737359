package org.p2psim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class Ed25519Test {

    private static final HexFormat HEX = HexFormat.of();

    // RFC 8032 section 7.1, TEST 1 (empty message)
    private static final byte[] T1_SECRET =
            HEX.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
    private static final byte[] T1_PUBLIC =
            HEX.parseHex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    private static final byte[] T1_MESSAGE = new byte[0];
    private static final byte[] T1_SIGNATURE = HEX.parseHex(
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");

    // RFC 8032 section 7.1, TEST 2 (one byte, 0x72)
    private static final byte[] T2_SECRET =
            HEX.parseHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
    private static final byte[] T2_PUBLIC =
            HEX.parseHex("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
    private static final byte[] T2_MESSAGE = HEX.parseHex("72");
    private static final byte[] T2_SIGNATURE = HEX.parseHex(
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
            + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");

    @Test
    void rfc8032Test1PublicKeyAndSignature() {
        checkVector(T1_SECRET, T1_PUBLIC, T1_MESSAGE, T1_SIGNATURE);
    }

    @Test
    void rfc8032Test2PublicKeyAndSignature() {
        checkVector(T2_SECRET, T2_PUBLIC, T2_MESSAGE, T2_SIGNATURE);
    }

    private static void checkVector(byte[] secret, byte[] publicKey, byte[] message, byte[] signature) {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(secret);
        assertEquals(HEX.formatHex(publicKey), HEX.formatHex(pair.publicKey()), "public key");
        assertEquals(HEX.formatHex(signature), HEX.formatHex(pair.sign(message)), "signature");
        assertTrue(Ed25519PublicKey.of(publicKey).verify(message, signature), "published signature verifies");
    }

    @Test
    void signIntoWritesOnlyItsSlotOfAPacketBuffer() {
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(T2_SECRET);
        // packet: 3 bytes header, the message 0x72, then the signature, then 5 trailing bytes
        byte[] packet = new byte[3 + 1 + 64 + 5];
        Arrays.fill(packet, (byte) 0xee);
        packet[3] = 0x72;
        pair.signInto(packet, 3, 1, packet, 4);
        assertArrayEquals(T2_SIGNATURE, Arrays.copyOfRange(packet, 4, 68));
        for (int i : new int[] {0, 1, 2, 68, 69, 70, 71, 72}) {
            assertEquals((byte) 0xee, packet[i], "byte " + i + " untouched");
        }
        assertArrayEquals(T2_SIGNATURE, pair.sign(packet, 3, 1));
        assertTrue(Ed25519PublicKey.of(T2_PUBLIC).verify(packet, 3, 1, packet, 4));
    }

    @Test
    void verifyRejectsASignatureWithOneFlippedBit() {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(5));
        Ed25519PublicKey verifier = Ed25519PublicKey.of(pair.publicKey());
        byte[] message = "packet header and body".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pair.sign(message);
        assertTrue(verifier.verify(message, signature));
        for (int bit = 0; bit < 64 * 8; bit += 7) { // R and S halves, low and high bits
            byte[] bad = signature.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(verifier.verify(message, bad), "signature bit " + bit);
        }
        byte[] topBit = signature.clone();
        topBit[63] ^= (byte) 0x80;
        assertFalse(verifier.verify(message, topBit), "top bit of S");
    }

    @Test
    void verifyRejectsAMessageWithOneFlippedBit() {
        Ed25519KeyPair pair = Ed25519KeyPair.generate(new SplittableRandom(6));
        Ed25519PublicKey verifier = Ed25519PublicKey.of(pair.publicKey());
        byte[] message = "packet header and body".getBytes(StandardCharsets.UTF_8);
        byte[] signature = pair.sign(message);
        for (int bit = 0; bit < message.length * 8; bit++) {
            byte[] bad = message.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(verifier.verify(bad, signature), "message bit " + bit);
        }
        assertFalse(verifier.verify(Arrays.copyOf(message, message.length + 1), signature), "appended byte");
        assertFalse(verifier.verify(message, 0, message.length - 1, signature, 0), "truncated slice");
    }

    @Test
    void verifyRejectsAnotherKeysSignature() {
        Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
        Ed25519KeyPair bob = Ed25519KeyPair.generate(new SplittableRandom(2));
        byte[] message = {1, 2, 3};
        assertFalse(Ed25519PublicKey.of(alice.publicKey()).verify(message, bob.sign(message)));
    }

    @Test
    void verifyOfAWrongLengthSignatureIsFalseAndBadSlicesThrow() {
        Ed25519PublicKey verifier = Ed25519PublicKey.of(T1_PUBLIC);
        assertFalse(verifier.verify(T1_MESSAGE, Arrays.copyOf(T1_SIGNATURE, 63)));
        assertFalse(verifier.verify(T1_MESSAGE, Arrays.copyOf(T1_SIGNATURE, 65)));
        assertFalse(verifier.verify(T1_MESSAGE, new byte[0]));
        assertThrows(IndexOutOfBoundsException.class, () -> verifier.verify(T1_MESSAGE, 0, 0, T1_SIGNATURE, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> verifier.verify(new byte[4], 2, 3, T1_SIGNATURE, 0));
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(T1_SECRET);
        assertThrows(IndexOutOfBoundsException.class, () -> pair.signInto(new byte[4], 0, 4, new byte[70], 7));
        assertThrows(IndexOutOfBoundsException.class, () -> pair.sign(new byte[4], 3, 2));
    }

    @Test
    void generateIsDeterministicPerSeed() {
        Ed25519KeyPair a = Ed25519KeyPair.generate(new SplittableRandom(42));
        Ed25519KeyPair b = Ed25519KeyPair.generate(new SplittableRandom(42));
        Ed25519KeyPair c = Ed25519KeyPair.generate(new SplittableRandom(43));
        assertArrayEquals(a.publicKey(), b.publicKey());
        assertEquals(a, b);
        assertArrayEquals(a.sign(new byte[] {9}), b.sign(new byte[] {9}));
        assertFalse(Arrays.equals(a.publicKey(), c.publicKey()));
        assertNotEquals(a, c);
    }

    @Test
    void generateUsesFourLittleEndianLongsAsTheSeed() {
        SplittableRandom rng = new SplittableRandom(42);
        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i += 8) {
            long v = rng.nextLong();
            for (int k = 0; k < 8; k++) {
                seed[i + k] = (byte) (v >>> (8 * k));
            }
        }
        assertEquals(Ed25519KeyPair.fromSeed(seed), Ed25519KeyPair.generate(new SplittableRandom(42)));
    }

    @Test
    void fromSeedAndOfRefuseWrongLengthsNamingThem() {
        IllegalArgumentException seed = assertThrows(IllegalArgumentException.class,
                () -> Ed25519KeyPair.fromSeed(new byte[64]));
        assertEquals("an Ed25519 private seed is 32 bytes, got 64", seed.getMessage());
        IllegalArgumentException pub = assertThrows(IllegalArgumentException.class,
                () -> Ed25519PublicKey.of(new byte[31]));
        assertEquals("an Ed25519 public key is 32 bytes, got 31", pub.getMessage());
    }

    @Test
    void ofRefusesBytesThatAreNotACurvePoint() {
        // y = 2^255 - 1 (all ones, sign bit clear) is not below the field prime 2^255 - 19
        byte[] notCanonical = new byte[32];
        Arrays.fill(notCanonical, (byte) 0xff);
        notCanonical[31] = 0x7f;
        CryptoException e = assertThrows(CryptoException.class, () -> Ed25519PublicKey.of(notCanonical));
        assertTrue(e.getMessage().startsWith("malformed Ed25519 public key"), e.getMessage());
    }

    @Test
    void keysAreCopiedAndComparedByValue() {
        byte[] raw = T1_PUBLIC.clone();
        Ed25519PublicKey key = Ed25519PublicKey.of(raw);
        raw[0] ^= 1;
        key.bytes()[1] ^= 1;
        assertArrayEquals(T1_PUBLIC, key.bytes());
        assertEquals(key, Ed25519PublicKey.of(T1_PUBLIC));
        assertEquals(key.hashCode(), Ed25519PublicKey.of(T1_PUBLIC).hashCode());
        assertNotEquals(key, Ed25519PublicKey.of(T2_PUBLIC));

        byte[] seed = T1_SECRET.clone();
        Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
        seed[0] ^= 1;
        pair.publicKey()[0] ^= 1;
        assertArrayEquals(T1_PUBLIC, pair.publicKey());
        assertArrayEquals(T1_SIGNATURE, pair.sign(T1_MESSAGE));
    }

    @Test
    void toStringNeverShowsTheSeed() {
        String s = Ed25519KeyPair.fromSeed(T1_SECRET).toString();
        assertEquals("Ed25519KeyPair[public=d75a9801...]", s);
        assertFalse(s.contains("9d61"), s);
        assertEquals("Ed25519PublicKey[d75a9801...]", Ed25519PublicKey.of(T1_PUBLIC).toString());
    }
}
