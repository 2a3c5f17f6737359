package org.p2psim.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.p2psim.store.DeviceStore;

/** What one device holds and whom it talks to now. */
final class StatusApi {
    private static final String PER_CHANNEL = "SELECT channel_id, COUNT(*) FROM message_index GROUP BY channel_id ORDER BY channel_id";


    private final ClientDevice device;
    private final DeviceStore store;
    private final FilesApi filesApi;

    StatusApi(ClientDevice device, FilesApi files) {
        this.device = device;
        this.store = device.store();
        this.filesApi = files;
    }

    SyncStatus syncStatus() {
        Map<String, Long> perChannel = new LinkedHashMap<>();
        store.select(PER_CHANNEL, DeviceStore.Binder.NONE, rs -> perChannel.put(rs.getString(1), rs.getLong(2)));
        long messages = perChannel.values().stream().mapToLong(Long::longValue).sum();
        List<FileInfo> files = filesApi.files();
        List<FileInfo> pending = files.stream().filter(f -> f.wanted() && !f.complete()).toList();
        int complete = (int) files.stream().filter(FileInfo::complete).count();
        return new SyncStatus(device.deviceName(), device.online(), store.size(), messages,
                Collections.unmodifiableMap(perChannel), files.size(), complete, pending, device.fetch().policy(),
                device.fetch().declinedChunks(),
                List.copyOf(device.peers()));
    }
}
