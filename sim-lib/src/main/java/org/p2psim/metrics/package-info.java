/**
 * Measurements of a run, kept as plain records and handed out as numbers and Tablesaw tables.
 *
 * <p>This package depends on nothing of p2psim but {@code sim} and {@code table}. The system under
 * test reports facts through the narrow listeners of {@code metrics.facts} ({@code PresenceFacts},
 * {@code EventFacts}, {@code PacketFacts}, {@code ReadFacts}, {@code FilterFacts}; all of them are
 * {@code Facts}) with plain ids, device names and simulated microseconds, in time order, as the
 * scheduler produces them. The collectors of {@code metrics.collect} listen: {@code GroundTruth}
 * (with {@code Latencies} and {@code WriteRates}), {@code PacketLedger} (packet log and trace hash)
 * and {@code FilterStats} (fed by the Bloom strategies' {@code FilterProbe}).
 * {@link org.p2psim.metrics.Metrics} is the façade over them that notebooks read.
 * {@link org.p2psim.metrics.SummaryMetrics} declares every summary metric once (name, unit, how
 * it is computed): that one list is {@code summaryMap()}, {@code summary()}, {@code summary.json},
 * the sweep columns and {@code Metrics.metricDocs()}; a test checks each name is defined below.
 * Tables list devices in registration order and everything else in a fixed order, so equal runs
 * give equal tables. The definitions below follow DESIGN.md ("Ground truth and metrics").
 *
 * <h2>Time origin</h2>
 * Simulated time starts at 0. Events authored before the run (history, created at negative times)
 * count from time 0 wherever a time is measured from an event's creation: in latencies, in the sync
 * matrix and in convergence. Their author's own store of them is set-up, not a write (see write rate).
 *
 * <h2>Ground truth and completeness</h2>
 * <ul>
 *   <li><b>Ground truth</b> ({@code events_created}): the set of events whose creation was reported
 *       ({@code eventCreated}) so far.</li>
 *   <li><b>held</b>: events of the ground truth a device has stored. An event stored before its
 *       creation was reported counts from its creation.</li>
 *   <li><b>completeness</b> of a device at time t: held(t) / truth(t); 1 when the truth is empty.
 *       A file chunk the device's policy declined when a peer offered it counts as held: the
 *       device has all it wants of it ({@code eventDeclined}).
 *       {@code completeness(until)} gives the exact step curve (a row per device at 0, at every
 *       change and at {@code until}); {@code completeness(step, until)} samples it every {@code step}
 *       µs. {@code min_completeness}, {@code mean_completeness}: over all registered devices, now
 *       (offline ones included).</li>
 *   <li><b>Devices</b> ({@code devices}): the devices registered so far (with {@code device}, or
 *       on their first fact); {@code devices_online}: those online now.</li>
 * </ul>
 *
 * <h2>Latency (HdrHistogram, µs, 3 significant digits; reported in seconds)</h2>
 * <ul>
 *   <li><b>Delivery latency</b> of an event at a device other than its author: the time the device
 *       stored it − the event's creation time (0 for history). One value per (device, event) first
 *       store, for every device that stores it, including devices registered after its creation.
 *       {@code deliveries} counts them; {@code delivery_p50_s}, {@code delivery_p90_s},
 *       {@code delivery_p99_s}, {@code delivery_max_s}.</li>
 *   <li><b>Sync latency</b> of an event: the time the last device that should have it stored it −
 *       its creation time (0 for history). The devices that should have it are every device
 *       registered (with {@code device}, {@code eventStored} or as an author) <i>before</i> its
 *       creation was reported, its author included; devices registered later do not hold it up.
 *       Online or not makes no difference: an offline device delays it. Events not yet held by all
 *       of them have no sync latency yet and are left out; {@code events_synced} counts those that
 *       have one. {@code sync_p50_s}, {@code sync_p90_s}, {@code sync_p99_s}, {@code sync_max_s}.</li>
 *   <li><b>Percentiles</b> pN are nearest-rank: the ⌈N/100·n⌉-th smallest value, as HdrHistogram
 *       reports it (the top of its bucket, at most 0.1 % above the exact value) but never above the
 *       exact maximum. {@code *_max_s} is exact. NaN when there are no values.</li>
 *   <li><b>CDF</b> tables ({@code deliveryLatencyCdf()}, {@code syncLatencyCdf()}, both in
 *       {@code latencyCdf()} with a {@code latency} column): one row per distinct recorded value
 *       (histogram bucket) in increasing order, {@code value_s} and {@code fraction} = share of values
 *       ≤ value_s. The last row has fraction 1 and value_s = the exact max.</li>
 *   <li><b>Sync time matrix</b> ({@code syncMatrix()}: from, to, median_s, p90_s, events, authored):
 *       for each ordered pair of distinct devices, the delivery latencies at {@code to} of the events
 *       authored by {@code from} that {@code to} has stored; median and p90 are exact nearest-rank
 *       values of those; {@code events} is how many there are and {@code authored} how many events
 *       {@code from} created (so events &lt; authored means some have not arrived yet; they are not
 *       in the median). NaN when {@code to} stored none.</li>
 *   <li><b>Delivery latencies</b> ({@code deliveryLatencies()}: device, from, authored_s, stored_s,
 *       latency_s): every first delivery to a device other than the author, exact to the
 *       microsecond, one row each, to group by a class of devices (e.g. by behaviour profile).</li>
 * </ul>
 *
 * <h2>Convergence</h2>
 * <ul>
 *   <li><b>converged</b> ({@code converged}): every <i>online</i> registered device holds every event created so far
 *       (1.0 / 0.0). Devices are online when registered; {@code deviceOnline(device, false, at)}
 *       takes one out until {@code deviceOnline(device, true, at)}. True when nothing was created.</li>
 *   <li><b>Convergence time</b> ({@code convergence_s}): from the last creation (time 0 if every
 *       event is history) until the latest instant at which "converged" became true; NaN while not
 *       converged or when nothing was created. If an offline device comes back lacking events,
 *       the run is no longer converged until it has caught up, and the time counts to then. Going
 *       offline while lacking events can end convergence at that instant.</li>
 * </ul>
 *
 * <h2>Bandwidth</h2>
 * <ul>
 *   <li><b>packets()</b>: per packet type, packets and bytes on the wire (header, body and
 *       signature) sent, delivered, dropped and rejected; every sent packet ends in exactly one
 *       of the last three. {@code packets_sent}, {@code bytes_sent}, {@code bytes_delivered},
 *       {@code bytes_dropped}, {@code bytes_rejected} are the totals over all types.
 *       {@code undelivered()}: packets not delivered by fate and reason.</li>
 *   <li><b>first_delivery_bytes</b> ({@code first_delivery_bytes}): the ciphertext bytes (as stored: nonce, sealed payload, tag)
 *       of every first store of an event at a device other than its author.</li>
 *   <li><b>Overhead ratio</b> ({@code overhead_ratio}): bytes_sent (all packets of all types and
 *       fates) / first_delivery_bytes; 1 would mean every byte sent was new ciphertext for its
 *       receiver. NaN before the first delivery.</li>
 *   <li><b>Reconciliation floor</b> ({@code floor_bytes}): what a perfect reconciler would have put
 *       on the wire for the deliveries that happened. For each registered device D let
 *       d<sub>D</sub> be the number of events it <i>received</i>: first stores at D of events of the
 *       ground truth authored by another device (so Σ<sub>D</sub> d<sub>D</sub> = {@code deliveries};
 *       an author's own events and events never delivered do not count). D needs their ciphertext,
 *       and needs to learn which d<sub>D</sub> of the 2<sup>b</sup> possible ids (b = 128) it lacked,
 *       which takes at least log₂ C(2<sup>b</sup>, d<sub>D</sub>) bits (Minsky–Trachtenberg–Zippel).
 *       Packets are unicast, so these bits add up over devices:
 *       {@code floor_id_bytes} = Σ<sub>D</sub> log₂ C(2¹²⁸, d<sub>D</sub>) / 8 (fractional bytes;
 *       about d·(128 − log₂ d + 1.44) bits for d ≪ 2¹²⁸, e.g. exactly 16 bytes for d = 1) and
 *       {@code floor_bytes} = first_delivery_bytes + floor_id_bytes. The floor counts no packet
 *       header, signature or retransmission, so no real protocol reaches it; since an id is the hash
 *       of its ciphertext it is a reference point rather than a strict information bound.
 *       {@code bytes_over_floor} = bytes_sent / floor_bytes, the figure to compare strategies by;
 *       NaN before the first delivery.</li>
 * </ul>
 *
 * <h2>Sync protocol</h2>
 * <ul>
 *   <li><b>Duplicates</b> ({@code duplicates}, per device in {@code devicesTable()}): event packets
 *       that reached a device already holding the event. {@code events_rejected}: received events
 *       refused after decryption or signature check ({@code rejectedEvents()} by reason).</li>
 *   <li><b>Filters</b>: {@code filters_sent} (one per filter packet sent) and the bytes of those
 *       packets on the wire: {@code filter_bytes_min}, {@code filter_bytes_mean},
 *       {@code filter_bytes_max} (NaN when none was sent).</li>
 *   <li><b>Measured Bloom false-positive rate</b> ({@code fpr_measured}): of all tests
 *       ({@code filter_tests}) of an event against a peer's filter knowledge in which the peer did
 *       not hold the event as of the knowledge's time, the fraction that came out positive (the
 *       simulator knows the truth). <b>Expected</b> ({@code fpr_expected}): the mean over filters
 *       sent of the analytic rate of its m bits, k hashes and n items (the formula is stated once, in
 *       {@code sync.bloom.BloomFilter}; the strategy reports the value).</li>
 * </ul>
 *
 * <h2>Device write rate</h2>
 * An insert is a first store of an event at a device (received, or authored during the run; an
 * author's store of its own history is set-up and does not count). Against a mobile ceiling of
 * {@code write_ceiling} inserts per second ({@link org.p2psim.metrics.Metrics#DEFAULT_WRITE_CEILING}
 * by default, {@code writeCeiling(n)} to change), per device in {@code writeRates()}:
 * <ul>
 *   <li><b>peak_per_s</b> (sliding window): the most inserts within any 1 s interval (t − 1 s, t];
 *       {@code peak_write_rate} is the largest over devices, {@code devices_over_write_ceiling} the
 *       number of devices whose peak exceeds the ceiling.</li>
 *   <li><b>peak_aligned_per_s</b>: the most inserts within one aligned second [k s, (k+1) s); at most
 *       the sliding peak. {@code peak_write_rate_aligned} is the largest over devices.</li>
 *   <li><b>windows_over</b> (aligned): aligned seconds with more inserts than the ceiling;
 *       {@code write_windows_over} sums them over devices.</li>
 * </ul>
 *
 * <h2>Round trips</h2>
 * For each first delivery (an event stored by a device that did not author it), the request →
 * answer exchanges between the receiver R and the sender S from the event's creation until its
 * arrival: a delivered packet from S to R that follows at least one delivered packet from R to S since
 * the previous such answer is one exchange (the event's own packet counts when it answers). A push
 * nobody asked for is 0, a filter answered with the event 1, a reconciliation then a want then the
 * event 2. {@code round_trips_p50}, {@code round_trips_p99} (nearest rank) and {@code round_trips_mean}
 * are over first deliveries; NaN before any. They are read from the packet log and change no trace.
 *
 * <h2>Reproducibility</h2>
 * {@code traceSha256()}: SHA-256 over the packet log (times, endpoints, type, bytes, fate, reason
 * and content fingerprint of every packet, in order); equal runs give equal hashes.
 */
package org.p2psim.metrics;
