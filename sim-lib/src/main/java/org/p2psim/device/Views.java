package org.p2psim.device;

import java.util.List;
import org.p2psim.event.EventContent;
import org.p2psim.event.FileChunk;
import org.p2psim.event.FileMeta;
import org.p2psim.event.Grant;
import org.p2psim.event.Message;
import org.p2psim.store.AuthRow;
import org.p2psim.store.ChunkRow;
import org.p2psim.store.FileRow;
import org.p2psim.store.IndexRow;
import org.p2psim.store.MessageRow;

/**
 * What an event adds to the device's derived views once decrypted:
 * <ul>
 *   <li>a message: its {@code message_index} row (and so its full-text entry);</li>
 *   <li>a file's meta event: its {@code files} row, and a {@code message_index} row whose text is
 *       the file name, so the file shows in its channel and search finds it by name;</li>
 *   <li>a chunk: its {@code file_chunks} row, keyed by the chunk's tag;</li>
 *   <li>a grant (invite, join, device authorisation): its {@code auth_graph} row. Anyone holding
 *       the community key is authorised for now (seed 004 §4), so the row records what the grant
 *       says; it is not checked against earlier grants.</li>
 * </ul>
 */
/** Used by {@link Device} when it stores an event; public for tools that rebuild a store. */
public final class Views {
    private Views() {}

    public static List<IndexRow> rowsOf(String eventId, EventContent content) {
        String author = content.author().hex();
        long ts = content.authoredTs();
        if (content.payload() instanceof Message m) {
            return List.of(new MessageRow(eventId, m.channelId(), author, ts, m.text(), m.replyTo()));
        }
        if (content.payload() instanceof FileMeta f) {
            String fileId = f.fileId();
            return List.of(
                    new FileRow(fileId, eventId, f.channelId(), author, ts, f.name(), f.mime(), f.size(), f.chunkCount(),
                            f.contentHashHex(), f.fileKey()),
                    new MessageRow(eventId, f.channelId(), author, ts, f.name(), null, fileId));
        }
        if (content.payload() instanceof Grant g) {
            return List.of(new AuthRow(eventId, g.subject(), g.action().label(), g.account(), ts, author, g.inviteId()));
        }
        FileChunk c = (FileChunk) content.payload();
        return List.of(new ChunkRow(c.tagHex(), c.fileId(), c.index(), eventId, c.data()));
    }
}
