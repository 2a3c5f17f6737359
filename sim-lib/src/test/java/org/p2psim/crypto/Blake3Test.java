package org.p2psim.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class Blake3Test {

    private static final HexFormat HEX = HexFormat.of();

    /**
     * From test_vectors/test_vectors.json of the BLAKE3 reference repository (BLAKE3-team/BLAKE3):
     * input is {@code input_len} bytes {@code i % 251}; "hash" is the 131-byte extended output of
     * the unkeyed hash, whose first 32 bytes are the default hash.
     */
    static Stream<Arguments> referenceVectors() {
        return Stream.of(
                Arguments.of(0, "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262"
                        + "e00f03e7b69af26b7faaf09fcd333050338ddfe085b8cc869ca98b206c08243a"
                        + "26f5487789e8f660afe6c99ef9e0c52b92e7393024a80459cf91f476f9ffdbda"
                        + "7001c22e159b402631f277ca96f2defdf1078282314e763699a31c5363165421"
                        + "cce14d"),
                Arguments.of(1, "2d3adedff11b61f14c886e35afa036736dcd87a74d27b5c1510225d0f592e213"
                        + "c3a6cb8bf623e20cdb535f8d1a5ffb86342d9c0b64aca3bce1d31f60adfa137b"
                        + "358ad4d79f97b47c3d5e79f179df87a3b9776ef8325f8329886ba42f07fb138b"
                        + "b502f4081cbcec3195c5871e6c23e2cc97d3c69a613eba131e5f1351f3f1da78"
                        + "6545e5"),
                Arguments.of(1023, "10108970eeda3eb932baac1428c7a2163b0e924c9a9e25b35bba72b28f70bd11"
                        + "a182d27a591b05592b15607500e1e8dd56bc6c7fc063715b7a1d737df5bad333"
                        + "9c56778957d870eb9717b57ea3d9fb68d1b55127bba6a906a4a24bbd5acb2d12"
                        + "3a37b28f9e9a81bbaae360d58f85e5fc9d75f7c370a0cc09b6522d9c8d822f2f"
                        + "28f485"),
                Arguments.of(1024, "42214739f095a406f3fc83deb889744ac00df831c10daa55189b5d121c855af7"
                        + "1cf8107265ecdaf8505b95d8fcec83a98a6a96ea5109d2c179c47a387ffbb404"
                        + "756f6eeae7883b446b70ebb144527c2075ab8ab204c0086bb22b7c93d465efc5"
                        + "7f8d917f0b385c6df265e77003b85102967486ed57db5c5ca170ba441427ed9a"
                        + "fa684e"),
                Arguments.of(1025, "d00278ae47eb27b34faecf67b4fe263f82d5412916c1ffd97c8cb7fb814b8444"
                        + "f4c4a22b4b399155358a994e52bf255de60035742ec71bd08ac275a1b51cc6bf"
                        + "e332b0ef84b409108cda080e6269ed4b3e2c3f7d722aa4cdc98d16deb554e562"
                        + "7be8f955c98e1d5f9565a9194cad0c4285f93700062d9595adb992ae68ff1280"
                        + "0ab67a"),
                Arguments.of(4097, "9b4052b38f1c5fc8b1f9ff7ac7b27cd242487b3d890d15c96a1c25b8aa0fb995"
                        + "05f91b0b5600a11251652eacfa9497b31cd3c409ce2e45cfe6c0a016967316c4"
                        + "26bd26f619eab5d70af9a418b845c608840390f361630bd497b1ab4401931635"
                        + "7c61dbe091ce72fc16dc340ac3d6e009e050b3adac4b5b2c92e722cffdc46501"
                        + "531956"));
    }

    static byte[] input(int length) {
        byte[] in = new byte[length];
        for (int i = 0; i < length; i++) {
            in[i] = (byte) (i % 251);
        }
        return in;
    }

    @ParameterizedTest(name = "input_len {0}")
    @MethodSource("referenceVectors")
    void hash256MatchesReferenceVector(int inputLen, String extendedHex) {
        assertEquals(262, extendedHex.length(), "vector transcription: 131 bytes");
        assertEquals(extendedHex.substring(0, 64), HEX.formatHex(Blake3.hash256(input(inputLen))));
    }

    @ParameterizedTest(name = "input_len {0}")
    @MethodSource("referenceVectors")
    void extendedOutputMatchesReferenceVector(int inputLen, String extendedHex) {
        assertEquals(extendedHex, HEX.formatHex(Blake3.hash(input(inputLen), 131)));
    }

    @ParameterizedTest(name = "input_len {0}")
    @MethodSource("referenceVectors")
    void offsetAndLengthHashOnlyTheSlice(int inputLen, String extendedHex) {
        byte[] in = input(inputLen);
        byte[] padded = new byte[in.length + 17];
        Arrays.fill(padded, (byte) 0x5a);
        System.arraycopy(in, 0, padded, 7, in.length);
        assertEquals(extendedHex.substring(0, 32), HEX.formatHex(Blake3.hash(padded, 7, inputLen, 16)));
    }

    @Test
    void shorterOutputIsAPrefixOfTheLongerOne() {
        byte[] in = input(300);
        byte[] full = Blake3.hash256(in);
        assertArrayEquals(Arrays.copyOf(full, 16), Blake3.hash(in, 16));
        assertArrayEquals(Arrays.copyOf(full, 1), Blake3.hash(in, 1));
    }

    @Test
    void reusedDigestCarriesNoStateBetweenCalls() {
        byte[] a = Blake3.hash256(input(1025));
        Blake3.hash(input(5000), 77);
        assertArrayEquals(a, Blake3.hash256(input(1025)));
    }

    @Test
    void badArgumentsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Blake3.hash(new byte[3], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(new byte[3], 2, 2, 32));
        assertThrows(IndexOutOfBoundsException.class, () -> Blake3.hash(new byte[3], -1, 1, 32));
        assertThrows(NullPointerException.class, () -> Blake3.hash256(null));
    }
}
