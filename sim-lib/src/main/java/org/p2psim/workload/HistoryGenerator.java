package org.p2psim.workload;

import java.util.List;

/** Messages every device holds before the run ({@link HistorySpec}); devices that join later have none. */
public final class HistoryGenerator implements Generator {
    private final HistorySpec spec;
    private final String channel;

    public HistoryGenerator(HistorySpec spec, List<String> channels) {
        this.spec = spec;
        this.channel = spec.channel() != null ? spec.channel() : channels.get(0);
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public void install(WorkloadContext context) {
        for (String device : context.devices()) {
            int count = spec.countFor(device);
            if (count > 0 && context.presentFrom(device) == 0) {
                context.history(device, count, channel);
            }
        }
    }
}
