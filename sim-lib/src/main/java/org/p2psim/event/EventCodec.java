package org.p2psim.event;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.p2psim.crypto.DeviceId;
import org.p2psim.crypto.Ed25519KeyPair;
import org.p2psim.crypto.Ed25519PublicKey;
import org.p2psim.crypto.FileKey;
import org.p2psim.crypto.KeyDirectory;

/**
 * The binary plaintext of an event, signed by its author.
 *
 * <pre>
 * u8 version (1) | u8 payload tag | author device id (16) | i64 authored µs | payload fields | Ed25519 signature (64)
 * message fields:    str channel | str text | u8 has-reply [| event id (16)]
 * file-meta fields:  str channel | str name | str mime | i64 size | u32 chunk count | BLAKE3 content hash (32) | file key (32)
 * file-chunk fields: file id (16) | u32 index | tag (16) | bytes data                     (tag 1, 2, 3 respectively)
 * grant fields:      u8 action (1 invite, 2 join, 3 authorize-device) | subject (16) | str account
 *                    | u8 has-invite [| invite id (16)]                                       (tag 4)
 * str = u32 length + UTF-8;  bytes = u32 length + bytes;  integers big-endian
 * </pre>
 *
 * Payload tags 2, 3 and 4 were added after 1 without changing the format version: a message encodes
 * exactly as before, and a reader that predates files or grants refuses their events as malformed.
 */
public final class EventCodec {
    static final int VERSION = 1;
    static final int TAG_MESSAGE = 1;
    static final int TAG_FILE_META = 2;
    static final int TAG_FILE_CHUNK = 3;
    static final int TAG_GRANT = 4;
    static final int SIGNATURE_BYTES = Ed25519KeyPair.SIGNATURE_BYTES;

    private EventCodec() {}

    /** Encodes {@code content} and appends the author's signature. */
    public static byte[] encode(EventContent content, Ed25519KeyPair author) {
        byte[] unsigned = encodeUnsigned(content);
        byte[] signed = new byte[unsigned.length + SIGNATURE_BYTES];
        System.arraycopy(unsigned, 0, signed, 0, unsigned.length);
        author.signInto(unsigned, 0, unsigned.length, signed, unsigned.length);
        return signed;
    }

    /** Decodes a signed plaintext and checks the author's signature against {@code keys}. */
    public static EventContent decode(byte[] plaintext, KeyDirectory keys) throws EventRejectedException {
        EventContent content = parse(plaintext);
        Ed25519PublicKey authorKey = keys.lookup(content.author());
        if (authorKey == null) {
            throw new EventRejectedException(EventRejection.UNKNOWN_AUTHOR,
                    "author device " + content.author() + " is not in this device's key directory");
        }
        int signedLength = plaintext.length - SIGNATURE_BYTES;
        if (!authorKey.verify(plaintext, 0, signedLength, plaintext, signedLength)) {
            throw new EventRejectedException(EventRejection.BAD_AUTHOR_SIGNATURE,
                    "signature of author " + content.author() + " does not verify");
        }
        return content;
    }

    private static byte[] encodeUnsigned(EventContent content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(VERSION);
            out.writeByte(tagOf(content.payload()));
            out.write(content.author().toBytes());
            out.writeLong(content.authoredTs());
            writePayload(out, content.payload());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static int tagOf(Payload payload) {
        if (payload instanceof Message) {
            return TAG_MESSAGE;
        }
        if (payload instanceof FileMeta) {
            return TAG_FILE_META;
        }
        if (payload instanceof FileChunk) {
            return TAG_FILE_CHUNK;
        }
        if (payload instanceof Grant) {
            return TAG_GRANT;
        }
        throw new IllegalArgumentException("no wire tag for payload " + payload.getClass().getSimpleName());
    }

    private static void writePayload(DataOutputStream out, Payload payload) throws IOException {
        if (payload instanceof Message m) {
            writeString(out, m.channelId());
            writeString(out, m.text());
            out.writeByte(m.replyTo() == null ? 0 : 1);
            if (m.replyTo() != null) {
                out.write(hexBytes(m.replyTo()));
            }
        } else if (payload instanceof FileMeta f) {
            writeString(out, f.channelId());
            writeString(out, f.name());
            writeString(out, f.mime());
            out.writeLong(f.size());
            out.writeInt(f.chunkCount());
            out.write(f.contentHash());
            out.write(f.fileKey());
        } else if (payload instanceof FileChunk c) {
            out.write(hexBytes(c.fileId()));
            out.writeInt(c.index());
            out.write(c.tag());
            out.writeInt(c.length());
            out.write(c.data());
        } else if (payload instanceof Grant g) {
            writeGrant(out, g);
        }
    }

    private static void writeGrant(DataOutputStream out, Grant g) throws IOException {
        out.writeByte(g.action().code());
        out.write(hexBytes(g.subject()));
        writeString(out, g.account());
        out.writeByte(g.inviteId() == null ? 0 : 1);
        if (g.inviteId() != null) {
            out.write(hexBytes(g.inviteId()));
        }
    }

    /** Decodes a signed plaintext without checking the signature. */
    static EventContent parse(byte[] plaintext) throws EventRejectedException {
        try {
            ByteBuffer in = ByteBuffer.wrap(plaintext, 0, plaintext.length - SIGNATURE_BYTES);
            int version = in.get() & 0xff;
            if (version != VERSION) {
                throw malformed("event format version " + version + ", this build reads " + VERSION);
            }
            int tag = in.get() & 0xff;
            byte[] author = new byte[DeviceId.BYTES];
            in.get(author);
            long authoredTs = in.getLong();
            Payload payload = switch (tag) {
                case TAG_MESSAGE -> readMessage(in);
                case TAG_FILE_META -> readFileMeta(in);
                case TAG_FILE_CHUNK -> readFileChunk(in);
                case TAG_GRANT -> readGrant(in);
                default -> throw malformed("unknown payload tag " + tag);
            };
            if (in.hasRemaining()) {
                throw malformed(in.remaining() + " unexpected trailing bytes");
            }
            return new EventContent(DeviceId.fromBytes(author, 0), authoredTs, payload);
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw malformed("truncated or inconsistent plaintext of " + plaintext.length + " bytes");
        }
    }

    private static Message readMessage(ByteBuffer in) {
        String channel = readString(in);
        String text = readString(in);
        String replyTo = null;
        if (in.get() != 0) {
            byte[] id = new byte[EventId.BYTES];
            in.get(id);
            replyTo = EventId.fromBytes(id).hex();
        }
        return new Message(channel, text, replyTo);
    }

    private static FileMeta readFileMeta(ByteBuffer in) {
        String channel = readString(in);
        String name = readString(in);
        String mime = readString(in);
        long size = in.getLong();
        int chunks = in.getInt();
        byte[] hash = new byte[FileMeta.HASH_BYTES];
        in.get(hash);
        byte[] key = new byte[FileKey.BYTES];
        in.get(key);
        return new FileMeta(channel, name, mime, size, chunks, hash, key);
    }

    private static FileChunk readFileChunk(ByteBuffer in) {
        byte[] fileId = new byte[EventId.BYTES];
        in.get(fileId);
        int index = in.getInt();
        byte[] tag = new byte[FileKey.TAG_BYTES];
        in.get(tag);
        return new FileChunk(EventId.fromBytes(fileId).hex(), index, tag, readBytes(in));
    }

    private static Grant readGrant(ByteBuffer in) {
        Grant.Action action = Grant.Action.ofCode(in.get() & 0xff);
        String subject = readId(in);
        String account = readString(in);
        String inviteId = in.get() != 0 ? readId(in) : null;
        return new Grant(action, subject, account, inviteId);
    }

    private static String readId(ByteBuffer in) {
        byte[] id = new byte[EventId.BYTES];
        in.get(id);
        return HexFormat.of().formatHex(id);
    }

    private static byte[] readBytes(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("byte string length " + length);
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return bytes;
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    private static String readString(ByteBuffer in) {
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            throw new IllegalArgumentException("string length " + length);
        }
        byte[] utf8 = new byte[length];
        in.get(utf8);
        return new String(utf8, StandardCharsets.UTF_8);
    }

    private static byte[] hexBytes(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    private static EventRejectedException malformed(String why) {
        return new EventRejectedException(EventRejection.MALFORMED, why);
    }
}
