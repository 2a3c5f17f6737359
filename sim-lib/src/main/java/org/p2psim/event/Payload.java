package org.p2psim.event;

/** What an event says. Each kind has a one-byte wire tag. */
public sealed interface Payload permits Message, FileMeta, FileChunk, Grant {

    /** The channel this payload belongs to, or null for community-wide events. */
    String channelId();
}
