package org.p2psim.client;

import static org.p2psim.client.ClientDevice.requireId;
import static org.p2psim.client.ClientDevice.requireLimit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.p2psim.event.Message;
import org.p2psim.store.DeviceStore;

/** Messages of one device: send, reply, read pages by cursor, full-text search (FTS5) over {@code message_index}. */
final class MessagesApi {
    private static final String MESSAGE_COLUMNS = "m.event_id, m.channel_id, m.author, m.authored_ts, e.received_ts,"
            + " m.body, m.reply_to, m.file_id";
    private static final String FROM_MESSAGES = " FROM message_index m JOIN events e ON e.arrival_seq = m.arrival_seq";
    private static final String NEWEST = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? ORDER BY m.authored_ts DESC, m.event_id DESC LIMIT ?";
    private static final String BEFORE = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? AND (m.authored_ts, m.event_id) < (?, ?)"
            + " ORDER BY m.authored_ts DESC, m.event_id DESC LIMIT ?";
    private static final String AFTER = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES
            + " WHERE m.channel_id = ? AND (m.authored_ts, m.event_id) > (?, ?)"
            + " ORDER BY m.authored_ts, m.event_id LIMIT ?";
    private static final String ONE = "SELECT " + MESSAGE_COLUMNS + FROM_MESSAGES + " WHERE m.event_id = ?";
    // FTS5 walks its matches in rowid (= arrival_seq) order, so LIMIT stops after `limit` hits.
    private static final String SEARCH = "SELECT " + MESSAGE_COLUMNS + " FROM message_fts f"
            + " JOIN message_index m ON m.arrival_seq = f.rowid JOIN events e ON e.arrival_seq = f.rowid"
            + " WHERE message_fts MATCH ? ORDER BY f.rowid DESC LIMIT ?";
    private static final String SEARCH_CHANNEL = "SELECT " + MESSAGE_COLUMNS + " FROM message_fts f"
            + " JOIN message_index m ON m.arrival_seq = f.rowid JOIN events e ON e.arrival_seq = f.rowid"
            + " WHERE message_fts MATCH ? AND m.channel_id = ? ORDER BY f.rowid DESC LIMIT ?";

    private final ClientDevice device;
    private final DeviceStore store;

    MessagesApi(ClientDevice device) {
        this.device = device;
        this.store = device.store();
    }

    String sendMessage(String channel, String text) {
        return device.author(new Message(channel, text)).id().hex();
    }

    String reply(String messageId, String text) {
        ChatMessage original = findMessage(messageId).orElseThrow(() -> new IllegalArgumentException(
                "cannot reply to " + messageId + ": " + device.deviceName() + " holds no message with that id"));
        return device.author(new Message(original.channel(), text, original.id())).id().hex();
    }

    Optional<ChatMessage> findMessage(String messageId) {
        requireId(messageId, "messageId");
        List<ChatMessage> found = store.select(ONE, ps -> ps.setString(1, messageId), this::message);
        return found.stream().findFirst();
    }

    MessagePage getMessages(String channel, int limit) {
        return getMessages(channel, limit, null);
    }

    MessagePage getMessages(String channel, int limit, Cursor cursor) {
        Objects.requireNonNull(channel, "channel");
        requireLimit(limit);
        List<ChatMessage> rows;
        if (cursor == null) {
            rows = store.select(NEWEST, ps -> {
                ps.setString(1, channel);
                ps.setInt(2, limit);
            }, this::message);
            Collections.reverse(rows);
        } else {
            long ts = positionOf(cursor);
            rows = store.select(cursor.isBefore() ? BEFORE : AFTER, ps -> {
                ps.setString(1, channel);
                ps.setLong(2, ts);
                ps.setString(3, cursor.messageId());
                ps.setInt(4, limit);
            }, this::message);
            if (cursor.isBefore()) {
                Collections.reverse(rows);
            }
        }
        return new MessagePage(channel, rows);
    }

    private long positionOf(Cursor cursor) {
        if (cursor.authoredTs() != null) {
            return cursor.authoredTs();
        }
        return findMessage(cursor.messageId()).orElseThrow(() -> new IllegalArgumentException(
                "cursor " + cursor + ": " + device.deviceName() + " holds no message with that id")).authoredTs();
    }

    Messages searchMessages(String query, int limit) {
        return searchMessages(query, limit, null);
    }

    Messages searchMessages(String query, int limit, String channel) {
        String match = ftsQuery(query);
        requireLimit(limit);
        List<ChatMessage> rows = channel == null
                ? store.select(SEARCH, ps -> {
                    ps.setString(1, match);
                    ps.setInt(2, limit);
                }, this::message)
                : store.select(SEARCH_CHANNEL, ps -> {
                    ps.setString(1, match);
                    ps.setString(2, channel);
                    ps.setInt(3, limit);
                }, this::message);
        return new Messages("search '" + query + "'" + (channel == null ? "" : " in #" + channel), rows);
    }

    static String ftsQuery(String query) {
        Objects.requireNonNull(query, "query");
        List<String> terms = new ArrayList<>();
        for (String word : query.trim().split("\\s+")) {
            boolean prefix = word.endsWith("*");
            String bare = word.replace("*", "").replace("\"", "");
            if (!bare.isEmpty()) {
                terms.add("\"" + bare + "\"" + (prefix ? "*" : ""));
            }
        }
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("search query '" + query + "' has no words");
        }
        return String.join(" ", terms);
    }

    private ChatMessage message(ResultSet rs) throws SQLException {
        String authorId = rs.getString(3);
        return new ChatMessage(rs.getString(1), rs.getString(2), authorId, device.nameOf(authorId), rs.getLong(4), rs.getLong(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }
}
