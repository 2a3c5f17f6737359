package org.p2psim.client;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.p2psim.sim.SimTime;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A list of messages, as records, with a {@link #table()} view for notebooks. Immutable. */
public class Messages extends AbstractList<ChatMessage> implements RandomAccess {
    private final String title;
    private final List<ChatMessage> messages;

    Messages(String title, List<ChatMessage> messages) {
        this.title = title;
        this.messages = List.copyOf(messages);
    }

    @Override
    public ChatMessage get(int index) {
        return messages.get(index);
    }

    @Override
    public int size() {
        return messages.size();
    }

    /** The texts, in list order. */
    public List<String> texts() {
        return messages.stream().map(ChatMessage::text).toList();
    }

    /** The ids, in list order. */
    public List<String> ids() {
        return messages.stream().map(ChatMessage::id).toList();
    }

    /** One row per message: id, channel, author (name), authored_s, received_s, text, reply_to, file_id. */
    public Table table() {
        StringColumn id = StringColumn.create("id");
        StringColumn channel = StringColumn.create("channel");
        StringColumn author = StringColumn.create("author");
        DoubleColumn authored = DoubleColumn.create("authored_s");
        DoubleColumn received = DoubleColumn.create("received_s");
        StringColumn text = StringColumn.create("text");
        StringColumn replyTo = StringColumn.create("reply_to");
        StringColumn fileId = StringColumn.create("file_id");
        for (ChatMessage m : messages) {
            id.append(m.id());
            channel.append(m.channel());
            author.append(m.authorName());
            authored.append(SimTime.toSeconds(m.authoredTs()));
            received.append(SimTime.toSeconds(m.receivedTs()));
            text.append(m.text());
            replyTo.append(m.replyTo());
            fileId.append(m.fileId());
        }
        return Table.create(title, id, channel, author, authored, received, text, replyTo, fileId);
    }

    @Override
    public String toString() {
        return title + ": " + messages.size() + " messages";
    }
}
