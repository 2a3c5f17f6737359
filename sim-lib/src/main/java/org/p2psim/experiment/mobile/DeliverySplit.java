package org.p2psim.experiment.mobile;

import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A delivery latency split in two: the <b>wait</b> for a window (from authoring until the receiving
 * device was next online; 0 when it was online then) and the <b>rest</b> (latency − wait: the sync
 * protocol's share, including windows that closed before it finished).
 */
public final class DeliverySplit {
    private DeliverySplit() {}

    /**
     * {@code deliveries} (as {@code Metrics.deliveryLatencies()} gives: {@code device}, {@code from},
     * {@code authored_s}, {@code latency_s}, …) with the columns {@code class} and
     * {@code from_class} (the receiver's and the author's class in {@code classOf}), {@code wait_s},
     * {@code rest_s} and {@code seed} added.
     */
    public static Table of(Table deliveries, Map<String, String> classOf, Presence presence, int seed) {
        StringColumn cls = StringColumn.create("class");
        StringColumn fromCls = StringColumn.create("from_class");
        DoubleColumn wait = DoubleColumn.create("wait_s");
        DoubleColumn rest = DoubleColumn.create("rest_s");
        for (int i = 0; i < deliveries.rowCount(); i++) {
            String device = deliveries.stringColumn("device").get(i);
            cls.append(classOf.get(device));
            fromCls.append(classOf.get(deliveries.stringColumn("from").get(i)));
            double w = presence.windows(device).waitAt(deliveries.doubleColumn("authored_s").get(i));
            wait.append(w);
            rest.append(deliveries.doubleColumn("latency_s").get(i) - w);
        }
        Table t = deliveries.copy();
        t.addColumns(cls, fromCls, wait, rest, IntColumn.create("seed", t.rowCount()).setMissingTo(seed));
        return t;
    }
}
