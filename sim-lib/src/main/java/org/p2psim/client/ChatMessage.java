package org.p2psim.client;

import org.p2psim.sim.SimTime;

/**
 * One message as a device shows it, read from its {@code message_index} after decryption. A shared
 * file shows in its channel as a message (its meta event) whose {@link #fileId()} is set and whose
 * text is the file name.
 *
 * @param id         the message's event id (32 lowercase hex characters)
 * @param channel    its channel
 * @param author     the authoring device's id (hex)
 * @param authorName the author's name where the client knows it (in a simulation: the device
 *                   name), else the device id
 * @param authoredTs µs on the author's clock when it was written
 * @param receivedTs µs of simulated time when this device stored it
 * @param text       the text (for a file: its name)
 * @param replyTo    the id of the message it answers, or null
 * @param fileId     the id of the file it shares, or null
 */
public record ChatMessage(String id, String channel, String author, String authorName, long authoredTs,
                          long receivedTs, String text, String replyTo, String fileId) {

    public boolean isReply() {
        return replyTo != null;
    }

    public boolean isFile() {
        return fileId != null;
    }

    /** {@link #authoredTs()} in seconds. */
    public double authoredSeconds() {
        return SimTime.toSeconds(authoredTs);
    }

    /** {@link #receivedTs()} in seconds. */
    public double receivedSeconds() {
        return SimTime.toSeconds(receivedTs);
    }
}
