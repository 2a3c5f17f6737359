package org.p2psim.client;

import java.util.function.Function;
import org.p2psim.event.Event;
import org.p2psim.event.Message;
import org.p2psim.event.Payload;
import org.p2psim.store.DeviceStore;
import tech.tablesaw.api.Table;

/** What an app on one device calls: send a message, read a channel. */
public final class Client {
    private final Function<Payload, Event> author;
    private final DeviceStore store;

    /** @param author creates, seals and stores an event on the device, returning it */
    public Client(Function<Payload, Event> author, DeviceStore store) {
        this.author = author;
        this.store = store;
    }

    /** Sends {@code text} to {@code channel} now; returns the new event's id. */
    public String sendMessage(String channel, String text) {
        return author.apply(new Message(channel, text)).id().hex();
    }

    /** The newest {@code limit} messages of {@code channel} held by this device, oldest first. */
    public Table getMessages(String channel, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be > 0, was " + limit);
        }
        String sql = "SELECT * FROM (SELECT event_id, author, authored_ts, body FROM message_index"
                + " WHERE channel_id = '" + channel.replace("'", "''") + "'"
                + " ORDER BY authored_ts DESC, event_id DESC LIMIT " + limit + ") ORDER BY authored_ts, event_id";
        return store.query(sql);
    }
}
