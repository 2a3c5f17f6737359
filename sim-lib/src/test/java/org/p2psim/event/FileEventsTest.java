package org.p2psim.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.p2psim.crypto.Blake3;
import org.p2psim.crypto.CommunityKey;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.FileKey;
import org.p2psim.crypto.KeyDirectory;
import org.p2psim.crypto.SignatureMode;
import org.p2psim.net.Network;
import org.p2psim.net.Packet;
import org.p2psim.net.PacketType;

/** The file payloads in the event format: round trips, sizes against the MTU, tags, malformed input. */
class FileEventsTest {
    private final Ed25519KeyPair alice = Ed25519KeyPair.generate(new SplittableRandom(1));
    private final DeviceId aliceId = DeviceId.ofPublicKey(alice.publicKey());
    private final CommunityKey community = CommunityKey.generate(new SplittableRandom(3));
    private final EventSealer sealer = new EventSealer(community, new KeyDirectory().add(alice.publicKey()));
    private final FileKey fileKey = FileKey.generate(new SplittableRandom(7));
    private final String fileId = "0123456789abcdef0123456789abcdef";

    @Test
    void fileMetaAndChunksRoundTrip() throws Exception {
        byte[] content = new byte[1234];
        new SplittableRandom(8).nextBytes(content);
        FileMeta meta = new FileMeta("général", "photo 🙂.jpg", "image/jpeg", content.length, FileChunk.chunkCount(content.length),
                Blake3.hash256(content), fileKey.bytes());
        EventContent metaEvent = new EventContent(aliceId, 99, meta);
        assertEquals(metaEvent, sealer.open(sealer.seal(metaEvent, alice, new SplittableRandom(4)).sealed()));
        assertEquals(3, meta.chunkCount());
        byte[] joined = new byte[0];
        for (int i = 0; i < meta.chunkCount(); i++) {
            FileChunk chunk = FileChunk.split(fileId, fileKey, content, i);
            EventContent chunkEvent = new EventContent(aliceId, 99, chunk);
            EventContent back = sealer.open(sealer.seal(chunkEvent, alice, new SplittableRandom(10 + i)).sealed());
            assertEquals(chunkEvent, back);
            FileChunk c = (FileChunk) back.payload();
            assertArrayEquals(fileKey.chunkTag(i), c.tag());
            assertEquals(null, c.channelId());
            joined = concat(joined, c.data());
        }
        assertArrayEquals(content, joined);
        assertEquals(List.of(500, 500, 234), List.of(FileChunk.split(fileId, fileKey, content, 0).length(),
                FileChunk.split(fileId, fileKey, content, 1).length(), FileChunk.split(fileId, fileKey, content, 2).length()));
        assertThrows(IndexOutOfBoundsException.class, () -> FileChunk.split(fileId, fileKey, content, 3));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /**
     * The size arithmetic of {@link FileChunk}'s documentation, on real bytes: a full chunk event,
     * sealed and sent in a signed packet, is 762 bytes, within the 1400-byte MTU.
     */
    @Test
    void aFullChunkEventFitsOneUdpPacket() {
        byte[] data = new byte[FileChunk.CHUNK_BYTES];
        FileChunk chunk = new FileChunk(fileId, 123_456, fileKey.chunkTag(123_456), data);
        byte[] plaintext = EventCodec.encode(new EventContent(aliceId, Long.MAX_VALUE, chunk), alice);
        assertEquals(26 + 40 + FileChunk.CHUNK_BYTES + 64, plaintext.length);
        Event sealed = sealer.seal(new EventContent(aliceId, Long.MAX_VALUE, chunk), alice, new SplittableRandom(4));
        assertEquals(plaintext.length + CommunityKey.OVERHEAD, sealed.size());
        assertEquals(670, sealed.size());
        for (SignatureMode mode : SignatureMode.values()) {
            Packet packet = Packet.sign(PacketType.EVENT, mode, alice, aliceId, 0, sealed.sealed());
            assertEquals(sealed.size() + Packet.OVERHEAD, packet.size());
            assertEquals(762, packet.size());
            assertTrue(packet.size() <= Network.DEFAULT_MTU, packet.size() + " > MTU");
        }
        int largestFitting = Network.DEFAULT_MTU - Packet.OVERHEAD - CommunityKey.OVERHEAD - (26 + 40 + 64);
        assertEquals(1138, largestFitting);
        assertTrue(FileChunk.CHUNK_BYTES <= largestFitting);
    }

    /** A file's meta event is small whatever the file: it fits one packet too. */
    @Test
    void aFileMetaEventFitsOneUdpPacket() {
        FileMeta meta = new FileMeta("general", "a-rather-long-file-name-of-a-holiday-photo.jpeg", "image/jpeg", 200_000, 400,
                new byte[32], fileKey.bytes());
        Event sealed = sealer.seal(new EventContent(aliceId, 0, meta), alice, new SplittableRandom(4));
        assertTrue(sealed.size() + Packet.OVERHEAD < 400, "meta packet of " + (sealed.size() + Packet.OVERHEAD) + " bytes");
    }

    @Test
    void messagesEncodeExactlyAsBeforeFilesExisted() {
        byte[] plaintext = EventCodec.encode(new EventContent(aliceId, 5, new Message("g", "hi")), alice);
        String hex = HexFormat.of().formatHex(plaintext, 0, plaintext.length - 64);
        // version 1, tag 1, author, i64 µs, str channel, str text, no reply
        assertEquals("0101" + aliceId.hex() + "0000000000000005" + "00000001" + "67" + "00000002" + "6869" + "00", hex);
    }

    @Test
    void chunkTagsArePseudorandomPerKeyAndIndex() {
        assertEquals(16, fileKey.chunkTag(0).length);
        assertNotEquals(fileKey.chunkTagHex(0), fileKey.chunkTagHex(1));
        assertNotEquals(fileKey.chunkTagHex(0), FileKey.generate(new SplittableRandom(8)).chunkTagHex(0));
        assertEquals(fileKey.chunkTagHex(5), FileKey.of(fileKey.bytes()).chunkTagHex(5));
        byte[] expected = Blake3.keyed(fileKey.bytes(), new byte[] {0, 0, 1, 2}, 16);
        assertArrayEquals(expected, fileKey.chunkTag(258));
        assertThrows(IllegalArgumentException.class, () -> fileKey.chunkTag(-1));
        assertEquals(HexFormat.of().formatHex(Blake3.keyed(fileKey.bytes(), "p2psim file id".getBytes(StandardCharsets.US_ASCII), 16)),
                fileKey.fileIdHex());
        assertNotEquals(fileKey.fileIdHex(), fileKey.chunkTagHex(0));
        FileMeta meta = new FileMeta("g", "a", "x", 1, 1, new byte[32], fileKey.bytes());
        assertEquals(fileKey.fileIdHex(), meta.fileId(), "the file id follows from the key in the meta event");
        assertTrue(fileKey.toString().startsWith("FileKey["), "never prints the key");
    }

    /** Known answer from the BLAKE3 reference implementation's README: keyed with 32 zero bytes, "hello world\n". */
    @Test
    void keyedBlake3MatchesTheReference() {
        byte[] input = "hello world\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("30f932e14e8cef63f94e658994059fba1a0cf548b01813714c2ce32e2e1c5d3d",
                HexFormat.of().formatHex(Blake3.keyed(new byte[32], input, 32)));
        assertEquals("dc5a4edb8240b018124052c330270696f96771a63b45250a5c17d3000e823355",
                HexFormat.of().formatHex(Blake3.hash256(input)));
        assertThrows(IllegalArgumentException.class, () -> Blake3.keyed(new byte[31], input, 32));
    }

    @Test
    void inconsistentFilePayloadsAreRefused() {
        byte[] hash = new byte[32];
        byte[] key = fileKey.bytes();
        assertThrows(IllegalArgumentException.class, () -> new FileMeta("g", "a", "x", 10, 0, hash, key));
        assertThrows(IllegalArgumentException.class, () -> new FileMeta("g", "a", "x", 0, 1, hash, key));
        assertThrows(IllegalArgumentException.class, () -> new FileMeta("g", "a", "x", 3, 4, hash, key));
        assertThrows(IllegalArgumentException.class, () -> new FileMeta("g", " ", "x", 3, 1, hash, key));
        assertThrows(IllegalArgumentException.class, () -> new FileMeta("g", "a", "x", 3, 1, new byte[31], key));
        assertThrows(IllegalArgumentException.class, () -> new FileChunk(fileId, 0, new byte[16], new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> new FileChunk("nope", 0, new byte[16], new byte[1]));
        assertThrows(IllegalArgumentException.class, () -> new FileChunk(fileId, -1, new byte[16], new byte[1]));
    }

    @Test
    void truncatedOrOverlongChunksAreMalformed() {
        byte[] plaintext = EventCodec.encode(new EventContent(aliceId, 0,
                new FileChunk(fileId, 0, fileKey.chunkTag(0), new byte[] {1, 2, 3})), alice);
        // the data length field says 3; claim 300 instead (the signature is never reached: parsing fails first)
        byte[] overlong = plaintext.clone();
        int lengthAt = 26 + 16 + 4 + 16;
        overlong[lengthAt + 2] = 1;
        byte[] sealed = community.seal(overlong, new SplittableRandom(4));
        assertEquals(EventRejection.MALFORMED, assertThrows(EventRejectedException.class, () -> sealer.open(sealed)).reason());
        byte[] truncated = Arrays.copyOf(plaintext, 26 + 10 + 64);
        byte[] sealed2 = community.seal(truncated, new SplittableRandom(4));
        assertEquals(EventRejection.MALFORMED, assertThrows(EventRejectedException.class, () -> sealer.open(sealed2)).reason());
    }
}
