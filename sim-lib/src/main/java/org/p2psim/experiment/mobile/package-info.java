/**
 * Mobile patterns over several runs of one scenario: when each device was online
 * ({@link org.p2psim.experiment.mobile.OnlineWindows}, {@link org.p2psim.experiment.mobile.Presence}),
 * each delivery's latency split into the wait for a window and the protocol's rest
 * ({@link org.p2psim.experiment.mobile.DeliverySplit}), what network switches cost
 * ({@link org.p2psim.experiment.mobile.DeviceDrops}, {@link org.p2psim.experiment.mobile.WakeUp}),
 * run over seeds by {@link org.p2psim.experiment.mobile.MobileStudy} and summarised by
 * {@link org.p2psim.experiment.mobile.MobileTables} and {@link org.p2psim.experiment.mobile.MobileCharts}
 * (notebook 08).
 */
package org.p2psim.experiment.mobile;
