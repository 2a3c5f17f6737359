package org.p2psim.client;

import java.util.List;
import java.util.Map;
import org.p2psim.device.FilePolicy;

/**
 * What a device holds and whom it talks to, at one moment (seed 004 §14, {@code GET /sync/status}).
 *
 * @param device             the device's name
 * @param online             whether it is online
 * @param eventsHeld         events in its store, of every kind
 * @param messages           messages in {@code message_index} (a shared file counts as one message)
 * @param messagesPerChannel messages per channel, by channel name
 * @param files              files whose meta event it holds
 * @param filesComplete      of those, files whose every chunk it holds
 * @param pendingFiles       files it fetches (by its policy) but does not hold completely yet
 * @param filePolicy         which files it fetches
 * @param declinedChunks     chunk events it received and dropped because its policy declines their file
 * @param peers              the peers it currently knows
 */
public record SyncStatus(String device, boolean online, long eventsHeld, long messages,
                         Map<String, Long> messagesPerChannel, int files, int filesComplete,
                         List<FileInfo> pendingFiles, FilePolicy filePolicy, long declinedChunks, List<String> peers) {
}
