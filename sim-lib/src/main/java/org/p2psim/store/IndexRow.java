package org.p2psim.store;

/**
 * A row of a derived view, filled from an event's decrypted payload when the event is stored:
 * {@code message_index} (and its full-text index), {@code files}, {@code file_chunks}, {@code auth_graph}. Each names
 * the event it comes from and is written in the same transaction as the event's own row.
 */
public sealed interface IndexRow permits MessageRow, FileRow, ChunkRow, AuthRow {

    /** The id of the event this row is derived from. */
    String eventId();
}
