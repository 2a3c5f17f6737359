/**
 * Presence: when a device is online and when its user is active. A {@link
 * org.p2psim.workload.presence.Presence} (always, office hours, or a phone's app sessions and
 * background-refresh windows) becomes one device's {@link org.p2psim.workload.presence.ActivityPlan}
 * of {@link org.p2psim.workload.presence.Intervals} through the {@link
 * org.p2psim.workload.presence.PresencePlanner}, from the device's own stream. Knows nothing of the
 * generators in {@code workload}, which use it.
 */
package org.p2psim.workload.presence;
